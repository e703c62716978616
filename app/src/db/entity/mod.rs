//! sea-orm entities of the catalog, carts, orders and accounts. One file per table; the schema itself is made by
//! `db::migration`, and these structs must agree with it (the service tests check on both
//! engines).

pub mod address;
pub mod auth_code;
pub mod auth_failure;
pub mod cart;
pub mod cart_line;
pub mod cart_method;
pub mod category;
pub mod claim;
pub mod category_text;
pub mod consent;
pub mod counter;
pub mod delivery_method;
pub mod instalment;
pub mod offer;
pub mod order;
pub mod order_line;
pub mod outbox;
pub mod payment;
pub mod product;
pub mod product_text;
pub mod refund;
pub mod refund_due;
pub mod session;
pub mod seller;
pub mod seller_category;
pub mod seller_review;
pub mod shipment;
pub mod user;
pub mod user_role;
