//! sea-orm entities of the catalog, carts, orders and accounts. One file per table; the schema itself is made by
//! `db::migration`, and these structs must agree with it (the service tests check on both
//! engines).

pub mod address;
pub mod audit_entry;
pub mod auth_code;
pub mod auth_failure;
pub mod cart;
pub mod cart_line;
pub mod cart_method;
pub mod case_decision;
pub mod case_file;
pub mod case_message;
pub mod category;
pub mod claim;
pub mod category_text;
pub mod consent;
pub mod counter;
pub mod delivery_method;
pub mod help_article;
pub mod help_revision;
pub mod instalment;
pub mod message;
pub mod message_thread;
pub mod offer;
pub mod offer_import;
pub mod offer_import_row;
pub mod order;
pub mod order_line;
pub mod outbox;
pub mod pantry_lot;
pub mod pantry_take;
pub mod payment;
pub mod product;
pub mod product_text;
pub mod refund;
pub mod refund_due;
pub mod session;
pub mod seller;
pub mod seller_application;
pub mod seller_member;
pub mod seller_category;
pub mod seller_invitation;
pub mod seller_logo;
pub mod seller_review;
pub mod shipment;
pub mod support_case;
pub mod user;
pub mod user_role;

#[cfg(test)]
mod tests {
    use crate::accounts::Role;
    use crate::delivery::{County, DeliveryKind};
    use crate::orders::aftersale::CancelReason;
    use crate::orders::{Bank, OrderStatus, PaymentMethod, PaymentStatus, ShipmentStatus};
    use crate::outbox::OutboxStatus;
    use crate::vat::VatClass;
    use sea_orm::ActiveEnum;
    use std::fmt::Debug;

    /// Every variant is stored as the code the rest of the shop (URLs, forms, raw SQL) uses.
    fn stored_as_code<E: ActiveEnum<Value = String> + Copy + PartialEq + Debug>(code: fn(E) -> &'static str) {
        for v in E::iter() {
            assert_eq!(v.to_value(), code(v), "{v:?}");
            assert_eq!(E::try_from_value(&code(v).to_owned()).ok(), Some(v));
        }
    }

    #[test]
    fn typed_columns_store_the_codes() {
        stored_as_code(OrderStatus::code);
        stored_as_code(ShipmentStatus::code);
        stored_as_code(PaymentStatus::code);
        stored_as_code(PaymentMethod::code);
        stored_as_code(Bank::code);
        stored_as_code(DeliveryKind::code);
        stored_as_code(County::code);
        stored_as_code(CancelReason::code);
        stored_as_code(VatClass::code);
        stored_as_code(OutboxStatus::code);
        stored_as_code(Role::code);
        stored_as_code(crate::sellers::imports::ImportStatus::code);
        stored_as_code(crate::messages::Side::code);
        assert!(ShipmentStatus::try_from_value(&"lost".to_owned()).is_err());
    }
}
