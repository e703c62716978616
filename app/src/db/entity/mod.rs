//! sea-orm entities of the catalog core. One file per table; the schema itself is made by
//! `db::migration`, and these structs must agree with it (the service tests check on both
//! engines).

pub mod category;
pub mod category_text;
pub mod delivery_method;
pub mod offer;
pub mod product;
pub mod product_text;
pub mod seller;
pub mod seller_review;
