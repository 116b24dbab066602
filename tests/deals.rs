//! A purchase told more than once in one article, in short texts of our
//! own: a noun that names the deal again ("in a deal worth …", "ce rachat
//! à …") is the deal its verb or an earlier sentence told, with its roles.

use crate::common::claims_of_text;

/// (agent, target, value text) of each acquisition amount.
fn amounts(name: &str, text: &str) -> Vec<(String, String, String)> {
    claims_of_text(name, "2031-05-20", text)
        .iter()
        .filter(|c| c["frame"] == "acquisition" && c["attribute"] == "amount")
        .map(|c| {
            let s = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
            (s(&c["roles"]["agent"]), s(&c["roles"]["target"]), s(&c["value"]["text"]))
        })
        .collect()
}

fn row(agent: &str, target: &str, value: &str) -> (String, String, String) {
    (agent.into(), target.into(), value.into())
}

#[test]
fn a_deal_named_after_its_verb_is_that_purchase() {
    // The name after "a deal worth" is no party to the deal.
    assert_eq!(
        amounts(
            "deal-worth",
            "Quarrow Labs is buying Fennick Games in a deal worth $3.2 billion, the companies said, and chief \
             executive Dana Pell will stay on."
        ),
        vec![row("Quarrow Labs", "Fennick Games", "$3.2 billion")]
    );
}

#[test]
fn this_deal_is_the_one_told_before() {
    // "Ce rachat" speaks of the purchase of the sentence before, whatever
    // names its own sentence holds.
    assert_eq!(
        amounts(
            "ce-rachat",
            "Quarrow Labs va finaliser le rachat de Fennick Games. Ce rachat à 3,2 milliards de dollars \
             doit aider sa console Brindle à rivaliser."
        ),
        vec![row("Quarrow Labs", "Fennick Games", "3,2 milliards de dollars")]
    );
}

#[test]
fn a_title_case_headline_names_only_what_the_article_names() {
    // Pasted on to its body with no space; its capitals are not names.
    let claims = claims_of_text(
        "title-case",
        "2031-05-20",
        "Dana Pell Successfully Purchases Zentrix For $4 Billion.The deal was signed on Monday. \
         Shareholders of Zentrix accepted the offer, and Zentrix sued Dana Pell a month later.",
    );
    let roles: Vec<(String, String)> = claims
        .iter()
        .filter(|c| c["attribute"] == "occurrence")
        .map(|c| {
            let s = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
            (s(&c["roles"]["agent"]), s(&c["roles"]["target"]))
        })
        .collect();
    assert!(roles.contains(&("Dana Pell".into(), "Zentrix".into())), "{roles:?}");
    assert!(roles.contains(&("Zentrix".into(), "Dana Pell".into())), "{roles:?}");
    assert!(roles.iter().all(|(a, t)| !a.contains("Purchases") && !t.contains("Purchases")), "{roles:?}");
}
