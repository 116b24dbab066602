//! The names of closed enums, as serde reads and writes them: rule files,
//! the JSON report and error messages all use one spelling, the one the
//! `#[serde(rename_all)]` of the enum gives, and no table repeats it.

use serde::de::{self, DeserializeOwned, Deserializer, Visitor};

/// Every name a fieldless enum deserializes from, in declaration order.
pub fn variants<T: DeserializeOwned>() -> &'static [&'static str] {
    let mut found = None;
    let _ = T::deserialize(Probe(&mut found));
    found.unwrap_or(&[])
}

/// The name of variant `value` (an enum as `value as usize`): the
/// declaration order of a fieldless enum is that of [`variants`].
pub fn name<T: DeserializeOwned>(index: usize) -> &'static str {
    variants::<T>().get(index).copied().unwrap_or("")
}

/// The variant named `name`, if there is one.
pub fn parse<T: DeserializeOwned>(name: &str) -> Option<T> {
    T::deserialize(de::value::StrDeserializer::<de::value::Error>::new(name)).ok()
}

/// Every name of `T`, joined by `, `, for an error message.
pub fn listed<T: DeserializeOwned>() -> String {
    variants::<T>().join(", ")
}

/// `names` as a choice: `a, b or c`.
pub fn alternatives(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [only] => only.to_string(),
        [head @ .., last] => format!("{} or {last}", head.join(", ")),
    }
}

/// A deserializer that only notes the variant names an enum asks for.
struct Probe<'a>(&'a mut Option<&'static [&'static str]>);

impl<'de> Deserializer<'de> for Probe<'_> {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("not an enum"))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = Some(variants);
        Err(de::Error::custom("names noted"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Shade {
        Light,
        DarkGrey,
    }

    #[test]
    fn names_come_from_serde() {
        assert_eq!(variants::<Shade>(), ["light", "dark_grey"]);
        assert_eq!(name::<Shade>(Shade::DarkGrey as usize), "dark_grey");
        assert_eq!(parse::<Shade>("dark_grey"), Some(Shade::DarkGrey));
        assert_eq!(parse::<Shade>("DarkGrey"), None);
        assert_eq!(listed::<Shade>(), "light, dark_grey");
        assert_eq!(alternatives(&["a", "b", "c"]), "a, b or c");
    }
}
