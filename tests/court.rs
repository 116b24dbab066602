//! A lawsuit and its settlement, told in short texts of our own: the sum a
//! suit seeks is not the sum that settles it, and a passive names its agent
//! after the complements.

use crate::common::claims_of_text;

/// (frame, attribute, agent, target, value text) of each claim with a value.
fn valued(name: &str, text: &str) -> Vec<(String, String, String, String, String)> {
    claims_of_text(name, "2031-03-11", text)
        .iter()
        .filter(|c| c["value"].is_object() && c["value"]["type"] != "date")
        .map(|c| {
            let s = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
            (
                s(&c["frame"]),
                s(&c["attribute"]),
                s(&c["roles"]["agent"]),
                s(&c["roles"]["target"]),
                s(&c["value"]["text"]),
            )
        })
        .collect()
}

fn row(frame: &str, agent: &str, target: &str, value: &str) -> (String, String, String, String, String) {
    (frame.into(), "amount".into(), agent.into(), target.into(), value.into())
}

#[test]
fn a_passive_names_its_agent_after_the_sum_sought() {
    assert_eq!(
        valued(
            "passive-sum",
            "Pickering Radio, which was being sued for $2.3 billion by Norvale Freight, kept silent."
        ),
        vec![row("lawsuit", "Norvale Freight", "Pickering Radio", "$2.3 billion")]
    );
    assert_eq!(
        valued("passive-sum-fr", "Pickering Radio est poursuivie pour 2,3 milliards de dollars par Norvale Freight."),
        vec![row("lawsuit", "Norvale Freight", "Pickering Radio", "2,3 milliards de dollars")]
    );
}

#[test]
fn the_sum_that_settles_a_suit_is_the_settlement_s() {
    // The suit is the object of the settling: its sum is the payment.
    let settled = valued("settled", "Pickering Radio and Norvale Freight settle libel lawsuit for $412 million.");
    assert_eq!(settled.len(), 1, "{settled:?}");
    assert_eq!((settled[0].0.as_str(), settled[0].4.as_str()), ("compensation", "$412 million"));
    // A suit of its own keeps its sum.
    let filed = valued("filed", "Norvale Freight filed a lawsuit for $2.3 billion against Pickering Radio.");
    assert_eq!(filed, vec![row("lawsuit", "Norvale Freight", "Pickering Radio", "$2.3 billion")]);
    let fr =
        valued("reglement", "Pickering Radio et Norvale Freight ont conclu un règlement de 412 millions de dollars.");
    assert_eq!(fr.len(), 1, "{fr:?}");
    assert_eq!((fr[0].0.as_str(), fr[0].4.as_str()), ("compensation", "412 millions de dollars"));
}

#[test]
fn an_event_is_stated_by_its_verb_group() {
    let texts = |name: &str, text: &str| -> Vec<String> {
        claims_of_text(name, "2031-03-11", text)
            .iter()
            .filter(|c| c["attribute"] == "occurrence")
            .map(|c| c["text"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(texts("group-en", "Norvale Freight is suing Pickering Radio."), ["is suing"]);
    assert_eq!(texts("group-passive", "Pickering Radio was sued by Norvale Freight."), ["was sued"]);
    let fr = "La société Norvale Freight a poursuivi la chaîne Pickering Radio pour diffamation.";
    assert_eq!(texts("group-fr", fr), ["a poursuivi"]);
    let fr = "La société Norvale Freight a intenté une action en justice contre la chaîne Pickering Radio.";
    assert_eq!(texts("group-fr-noun", fr), ["a intenté une action en justice"]);
}
