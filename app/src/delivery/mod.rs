//! Delivery rules: where a seller's delivery method goes, what it costs and when the goods
//! arrive. Pure functions only (no I/O), shared by the product page, the cart and checkout.
//!
//! - [`calendar`]: Estonian public holidays and working days.
//! - [`local_time`]: Europe/Tallinn wall-clock time without a time-zone database.
//! - [`dates`]: delivery dates and windows (cold courier days, parcel working days).

pub mod calendar;
pub mod dates;
pub mod local_time;

use serde::{Deserialize, Serialize};

/// An Estonian county (maakond): the shopper's delivery region.
///
/// Serialized with the same code as [`County::code`] (`"ida-viru"`), so JSON and the database
/// spell a county the same way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::N(16))"))]
pub enum County {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "harju"))]
    Harju,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "hiiu"))]
    Hiiu,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "ida-viru"))]
    IdaViru,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "jogeva"))]
    Jogeva,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "jarva"))]
    Jarva,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "laane"))]
    Laane,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "laane-viru"))]
    LaaneViru,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "polva"))]
    Polva,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "parnu"))]
    Parnu,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "rapla"))]
    Rapla,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "saare"))]
    Saare,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "tartu"))]
    Tartu,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "valga"))]
    Valga,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "viljandi"))]
    Viljandi,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "voru"))]
    Voru,
}

impl Default for County {
    fn default() -> County {
        County::DEFAULT
    }
}

impl County {
    /// All 15 counties, in the order of the enum.
    pub const ALL: [County; 15] = [
        County::Harju,
        County::Hiiu,
        County::IdaViru,
        County::Jogeva,
        County::Jarva,
        County::Laane,
        County::LaaneViru,
        County::Polva,
        County::Parnu,
        County::Rapla,
        County::Saare,
        County::Tartu,
        County::Valga,
        County::Viljandi,
        County::Voru,
    ];

    /// The region used for prices and dates when the shopper has not chosen one.
    pub const DEFAULT: County = County::Harju;

    /// The stable code stored in the database and used in URLs (ASCII, lower case).
    pub fn code(self) -> &'static str {
        match self {
            County::Harju => "harju",
            County::Hiiu => "hiiu",
            County::IdaViru => "ida-viru",
            County::Jogeva => "jogeva",
            County::Jarva => "jarva",
            County::Laane => "laane",
            County::LaaneViru => "laane-viru",
            County::Polva => "polva",
            County::Parnu => "parnu",
            County::Rapla => "rapla",
            County::Saare => "saare",
            County::Tartu => "tartu",
            County::Valga => "valga",
            County::Viljandi => "viljandi",
            County::Voru => "voru",
        }
    }

    /// The county with this exact code, if any.
    pub fn from_code(code: &str) -> Option<County> {
        County::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// How a delivery method gets the goods to the shopper.
///
/// Serialized with the same code as [`DeliveryKind::code`] (`"cold_courier"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::N(16))"))]
pub enum DeliveryKind {
    /// Refrigerated courier for perishable / cold-chain goods: Tuesdays and Fridays only.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "cold_courier"))]
    ColdCourier,
    /// Ordinary courier to the door.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "courier"))]
    Courier,
    /// Parcel locker (pakiautomaat).
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "parcel_locker"))]
    ParcelLocker,
    /// The shopper collects the goods from the seller.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "pickup"))]
    Pickup,
}

impl DeliveryKind {
    /// All kinds, in the order of the enum.
    pub const ALL: [DeliveryKind; 4] = [
        DeliveryKind::ColdCourier,
        DeliveryKind::Courier,
        DeliveryKind::ParcelLocker,
        DeliveryKind::Pickup,
    ];

    /// The stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            DeliveryKind::ColdCourier => "cold_courier",
            DeliveryKind::Courier => "courier",
            DeliveryKind::ParcelLocker => "parcel_locker",
            DeliveryKind::Pickup => "pickup",
        }
    }

    /// The kind with this exact code, if any.
    pub fn from_code(code: &str) -> Option<DeliveryKind> {
        DeliveryKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// One of a seller's delivery methods, as the seller configured it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MethodTerms {
    pub id: i32,
    pub kind: DeliveryKind,
    /// The delivery fee in euro cents, VAT included.
    pub price_cents: i64,
    /// Delivery is free when the goods cost at least this much (cents), if set.
    pub free_over_cents: Option<i64>,
    /// Counties this method delivers to; empty means all of Estonia.
    pub regions: Vec<County>,
    /// Working days from the order (after the seller's handling time) to delivery, at the
    /// soonest and at the latest. Ignored by the cold courier, which has fixed days.
    pub days_min: u32,
    pub days_max: u32,
    /// A switched-off method is offered nowhere.
    pub active: bool,
}

impl MethodTerms {
    /// Whether this method delivers to the county: it is switched on and either covers all of
    /// Estonia or lists the county.
    pub fn serves(&self, county: County) -> bool {
        self.active && (self.regions.is_empty() || self.regions.contains(&county))
    }

    /// The delivery fee for goods worth `goods_cents`: free once the goods reach the seller's
    /// free-delivery threshold (at the threshold itself it is already free), otherwise the
    /// method's price. E.g. the platform food store: 7.00 €, free from 39.90 €.
    pub fn fee_for(&self, goods_cents: i64) -> i64 {
        match self.free_over_cents {
            Some(threshold) if goods_cents >= threshold => 0,
            _ => self.price_cents,
        }
    }

    /// Whether this method may carry the product: cold-chain goods travel only by cold
    /// courier; any other goods may go by any kind of method.
    pub fn suits(&self, cold_chain: bool) -> bool {
        !cold_chain || self.kind == DeliveryKind::ColdCourier
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::value::{Error as ValueError, StrDeserializer};
    use serde::de::IntoDeserializer;

    fn food_store(regions: Vec<County>) -> MethodTerms {
        MethodTerms {
            id: 1,
            kind: DeliveryKind::Courier,
            price_cents: 700,
            free_over_cents: Some(3990),
            regions,
            days_min: 1,
            days_max: 2,
            active: true,
        }
    }

    #[test]
    fn county_codes_round_trip_and_are_unique() {
        for county in County::ALL {
            assert_eq!(County::from_code(county.code()), Some(county));
        }
        let mut codes: Vec<_> = County::ALL.iter().map(|c| c.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 15);
        assert_eq!(County::IdaViru.code(), "ida-viru");
        assert_eq!(County::LaaneViru.code(), "laane-viru");
        assert_eq!(County::from_code("Harju"), None);
        assert_eq!(County::from_code("pärnu"), None);
        assert_eq!(County::from_code(""), None);
        assert_eq!(County::DEFAULT, County::Harju);
    }

    #[test]
    fn serde_uses_the_database_codes() {
        for county in County::ALL {
            let de: StrDeserializer<ValueError> = county.code().into_deserializer();
            assert_eq!(County::deserialize(de), Ok(county));
        }
        for kind in DeliveryKind::ALL {
            let de: StrDeserializer<ValueError> = kind.code().into_deserializer();
            assert_eq!(DeliveryKind::deserialize(de), Ok(kind));
        }
    }

    #[test]
    fn delivery_kind_codes_round_trip() {
        for kind in DeliveryKind::ALL {
            assert_eq!(DeliveryKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(DeliveryKind::ColdCourier.code(), "cold_courier");
        assert_eq!(DeliveryKind::ParcelLocker.code(), "parcel_locker");
        assert_eq!(DeliveryKind::from_code("parcel-locker"), None);
    }

    #[test]
    fn serves_listed_counties_or_all_when_none_listed() {
        let everywhere = food_store(vec![]);
        assert!(County::ALL.into_iter().all(|c| everywhere.serves(c)));

        let two = food_store(vec![County::Harju, County::Tartu]);
        assert!(two.serves(County::Harju));
        assert!(two.serves(County::Tartu));
        assert!(!two.serves(County::Parnu));

        let off = MethodTerms { active: false, ..food_store(vec![]) };
        assert!(!off.serves(County::Harju));
    }

    #[test]
    fn food_store_fee_is_free_from_39_90() {
        let m = food_store(vec![]);
        assert_eq!(m.fee_for(3990), 0);
        assert_eq!(m.fee_for(3989), 700);
        assert_eq!(m.fee_for(10_000), 0);
        assert_eq!(m.fee_for(0), 700);

        let never_free = MethodTerms { free_over_cents: None, ..m };
        assert_eq!(never_free.fee_for(1_000_000), 700);
    }

    #[test]
    fn cold_chain_goods_go_only_by_cold_courier() {
        for kind in DeliveryKind::ALL {
            let m = MethodTerms { kind, ..food_store(vec![]) };
            assert_eq!(m.suits(true), kind == DeliveryKind::ColdCourier, "{kind:?}");
            assert!(m.suits(false), "{kind:?}");
        }
    }
}
