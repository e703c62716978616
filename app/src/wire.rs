//! How data crosses from the server to the browser: in postcard, a compact binary serde format,
//! not JSON. It decides the size of the WASM more than anything else the app controls: a
//! format that writes struct fields by name makes the compiler generate a field-name matcher,
//! map visitor and error paths for every type that is deserialised in the browser (about an
//! eighth of the module with JSON); postcard reads fields in order, so each type costs little.
//! It also makes the data embedded in each page for hydration smaller.
//!
//! - Server functions answer in postcard: `#[server(…, output = Wire)]`. Their arguments stay
//!   URL-encoded form data, so forms post to them without JavaScript.
//! - Page data loads through [`resource`], whose value is serialised into the HTML in postcard.
//! - Errors stay JSON (`AppError`'s encoder): they are read on the server (statuses, form
//!   redirects) and they are small.
//!
//! Postcard is not self-describing: a type that crosses must not rely on `#[serde(untagged)]`,
//! `flatten` or `skip_serializing_if`, and server and browser must be built from the same code
//! (they always are: one build, hashed asset names).

use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};
use std::future::Future;

/// The encoding of server functions' answers: `#[server(…, output = Wire)]`.
pub type Wire = leptos::server_fn::codec::Postcard;

/// The codec of page data serialised into the HTML for hydration.
pub type Codec = codee::binary::PostcardCodec;

/// Page data loaded by a server function, serialised into the page in postcard.
pub type PageResource<T> = Resource<T, Codec>;

/// A resource like `Resource::new`, in postcard: `fetcher` runs on the server during SSR, and its
/// value is written into the page so that hydration does not fetch it again.
#[track_caller]
pub fn resource<S, T, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> PageResource<T>
where
    S: Send + Sync + Clone + PartialEq + 'static,
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    Fut: Future<Output = T> + Send + 'static,
{
    Resource::new_with_options(source, fetcher, false)
}

/// Dates cross as days since 1 January of year 1 (`#[serde(with = "crate::wire::day")]`), not
/// as text: reading "2026-11-24" needs chrono's date parser in the browser, and an integer does
/// not.
pub mod day {
    use chrono::{Datelike, NaiveDate};
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i32(date.num_days_from_ce())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let days = i32::deserialize(d)?;
        NaiveDate::from_num_days_from_ce_opt(days).ok_or_else(|| D::Error::custom("date out of range"))
    }
}

/// `Option<NaiveDate>` as [`day`].
pub mod day_opt {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Day(#[serde(with = "super::day")] NaiveDate);

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        date.map(Day).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Ok(Option::<Day>::deserialize(d)?.map(|Day(date)| date))
    }
}

/// `Vec<NaiveDate>` as [`day`].
pub mod days {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Day(#[serde(with = "super::day")] NaiveDate);

    pub fn serialize<S: Serializer>(dates: &[NaiveDate], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(dates.iter().map(|d| Day(*d)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDate>, D::Error> {
        Ok(Vec::<Day>::deserialize(d)?.into_iter().map(|Day(date)| date).collect())
    }
}

/// Moments cross as milliseconds since 1970 in UTC (`#[serde(with = "crate::wire::instant")]`),
/// for the same reason as [`day`].
pub mod instant {
    use chrono::{DateTime, Utc};
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(at: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(at.timestamp_millis())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        DateTime::from_timestamp_millis(i64::deserialize(d)?).ok_or_else(|| D::Error::custom("time out of range"))
    }
}

/// `Option<DateTime<Utc>>` as [`instant`].
pub mod instant_opt {
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct At(#[serde(with = "super::instant")] DateTime<Utc>);

    pub fn serialize<S: Serializer>(at: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
        at.map(At).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
        Ok(Option::<At>::deserialize(d)?.map(|At(at)| at))
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::paging::Page;
    use crate::errors::AppError;

    use super::Codec;
    use codee::{Decoder, Encoder};

    type Data = Result<(Page, Vec<String>, Option<chrono::NaiveDate>), AppError>;

    #[test]
    fn page_data_round_trips_and_is_smaller_than_json() {
        let value: Data = Ok((
            Page { number: 2, count: 9, total: 200 },
            vec!["Piim 2,5 % 1 l".into(), "Молоко".into()],
            chrono::NaiveDate::from_ymd_opt(2026, 12, 24),
        ));
        let bytes = <Codec as Encoder<Data>>::encode(&value).unwrap();
        assert_eq!(<Codec as Decoder<Data>>::decode(&bytes).unwrap(), value);
        assert!(bytes.len() < serde_json::to_vec(&value).unwrap().len());
        let error: Data = Err(AppError::BadRequest("<script>".into()));
        assert_eq!(<Codec as Decoder<Data>>::decode(&<Codec as Encoder<Data>>::encode(&error).unwrap()).unwrap(), error);
        // Truncated data is an error, not a default value.
        assert!(<Codec as Decoder<Data>>::decode(&bytes[..bytes.len() - 3]).is_err());
    }

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Dated {
        #[serde(with = "super::day")]
        day: chrono::NaiveDate,
        #[serde(with = "super::day_opt")]
        maybe: Option<chrono::NaiveDate>,
        #[serde(with = "super::instant")]
        at: chrono::DateTime<chrono::Utc>,
        #[serde(with = "super::instant_opt")]
        paid: Option<chrono::DateTime<chrono::Utc>>,
    }

    #[test]
    fn dates_and_moments_cross_as_numbers() {
        let at = chrono::DateTime::parse_from_rfc3339("2026-02-28T23:59:59.123Z").unwrap().to_utc();
        for value in [
            Dated { day: chrono::NaiveDate::from_ymd_opt(2028, 2, 29).unwrap(), maybe: None, at, paid: Some(at) },
            Dated { day: chrono::NaiveDate::from_ymd_opt(1, 1, 1).unwrap(), maybe: chrono::NaiveDate::from_ymd_opt(2026, 12, 31), at, paid: None },
        ] {
            let bytes = <Codec as Encoder<Dated>>::encode(&value).unwrap();
            assert_eq!(<Codec as Decoder<Dated>>::decode(&bytes).unwrap(), value);
        }
        // A day number no calendar has is an error.
        let bad = <Codec as Encoder<(i32, Option<i32>, i64, Option<i64>)>>::encode(&(i32::MAX, None, 0, None)).unwrap();
        assert!(<Codec as Decoder<Dated>>::decode(&bad).is_err());
    }
}
