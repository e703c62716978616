//! The states of orders, shipments and payments, and which changes are allowed. Pure; the
//! services refuse any change these rules do not allow, and every change is a conditional
//! update on the state it starts from, so two instances cannot both make it.

use serde::{Deserialize, Serialize};

/// The payment side of an order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::N(24))"))]
pub enum OrderStatus {
    /// Placed, stock reserved, waiting for the payment.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "awaiting_payment"))]
    AwaitingPayment,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "paid"))]
    Paid,
    /// The payment failed or was abandoned; the stock went back.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "cancelled"))]
    Cancelled,
}

/// One seller's shipment: placed → paid → processing → shipped → delivered, or cancelled /
/// returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::N(16))"))]
pub enum ShipmentStatus {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "placed"))]
    Placed,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "paid"))]
    Paid,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "processing"))]
    Processing,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "shipped"))]
    Shipped,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "delivered"))]
    Delivered,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "cancelled"))]
    Cancelled,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "returned"))]
    Returned,
}

/// What an order line is for (`order_lines.mode`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::N(16))"))]
pub enum LineMode {
    /// Sold and sent with the order.
    #[default]
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "deliver"))]
    Deliver,
    /// Sold into the buyer's pantry (stored, delivered later by a transport order).
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "store"))]
    Store,
    /// A transport order's line: goods from the buyer's pantry, not sold again.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "from_pantry"))]
    FromPantry,
}

/// One payment attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::N(16))"))]
pub enum PaymentStatus {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "pending"))]
    Pending,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "paid"))]
    Paid,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "failed"))]
    Failed,
    /// Not completed in time; the reservation was released.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "abandoned"))]
    Abandoned,
}

macro_rules! codes {
    ($ty:ident { $($variant:ident => $code:literal),* $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),*];

            /// The code stored in the database.
            pub fn code(self) -> &'static str {
                match self { $($ty::$variant => $code),* }
            }

            pub fn from_code(code: &str) -> Option<$ty> {
                Self::ALL.iter().copied().find(|s| s.code() == code)
            }
        }
    };
}

codes!(OrderStatus { AwaitingPayment => "awaiting_payment", Paid => "paid", Cancelled => "cancelled" });
codes!(ShipmentStatus {
    Placed => "placed",
    Paid => "paid",
    Processing => "processing",
    Shipped => "shipped",
    Delivered => "delivered",
    Cancelled => "cancelled",
    Returned => "returned",
});
codes!(LineMode { Deliver => "deliver", Store => "store", FromPantry => "from_pantry" });
codes!(PaymentStatus { Pending => "pending", Paid => "paid", Failed => "failed", Abandoned => "abandoned" });

impl ShipmentStatus {
    /// Whether a shipment may go from `self` to `to`.
    pub fn can_become(self, to: ShipmentStatus) -> bool {
        use ShipmentStatus::*;
        matches!(
            (self, to),
            (Placed, Paid)
                | (Paid, Processing)
                | (Processing, Shipped)
                | (Shipped, Delivered)
                // Cancelled until dispatched (a failed payment cancels a placed one).
                | (Placed | Paid | Processing, Cancelled)
                // A refused parcel goes back to the seller; delivered goods may be withdrawn.
                | (Shipped | Delivered, Returned)
        )
    }

    /// The shopper can still cancel (not yet handed to the carrier).
    pub fn cancellable(self) -> bool {
        self.can_become(ShipmentStatus::Cancelled)
    }

    /// Whether the status is final.
    pub fn is_final(self) -> bool {
        ShipmentStatus::ALL.iter().all(|to| !self.can_become(*to))
    }
}

impl PaymentStatus {
    /// A payment is decided once: from `pending` to one of the others, never again.
    pub fn can_become(self, to: PaymentStatus) -> bool {
        self == PaymentStatus::Pending && to != PaymentStatus::Pending
    }
}

impl OrderStatus {
    pub fn can_become(self, to: OrderStatus) -> bool {
        self == OrderStatus::AwaitingPayment && to != OrderStatus::AwaitingPayment
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for s in ShipmentStatus::ALL {
            assert_eq!(ShipmentStatus::from_code(s.code()), Some(*s));
        }
        for s in OrderStatus::ALL {
            assert_eq!(OrderStatus::from_code(s.code()), Some(*s));
        }
        for s in PaymentStatus::ALL {
            assert_eq!(PaymentStatus::from_code(s.code()), Some(*s));
        }
        assert_eq!(ShipmentStatus::from_code("lost"), None);
    }

    #[test]
    fn shipments_move_forward_only() {
        use ShipmentStatus::*;
        let path = [Placed, Paid, Processing, Shipped, Delivered];
        for pair in path.windows(2) {
            assert!(pair[0].can_become(pair[1]), "{:?} → {:?}", pair[0], pair[1]);
            assert!(!pair[1].can_become(pair[0]), "{:?} → {:?}", pair[1], pair[0]);
        }
        assert!(!Placed.can_become(Shipped));
        assert!(!Delivered.can_become(Delivered));
    }

    #[test]
    fn cancel_until_shipped_then_only_returned() {
        use ShipmentStatus::*;
        assert!(Placed.cancellable() && Paid.cancellable() && Processing.cancellable());
        assert!(!Shipped.cancellable() && !Delivered.cancellable());
        assert!(Shipped.can_become(Returned) && Delivered.can_become(Returned));
        assert!(!Paid.can_become(Returned));
        assert!(Cancelled.is_final() && Returned.is_final());
        assert!(!Delivered.is_final());
    }

    #[test]
    fn payments_are_decided_once() {
        use PaymentStatus::*;
        assert!(Pending.can_become(Paid) && Pending.can_become(Failed) && Pending.can_become(Abandoned));
        assert!(!Paid.can_become(Failed) && !Failed.can_become(Paid) && !Abandoned.can_become(Paid));
        assert!(!Pending.can_become(Pending));
        assert!(OrderStatus::AwaitingPayment.can_become(OrderStatus::Paid));
        assert!(!OrderStatus::Cancelled.can_become(OrderStatus::Paid));
    }
}
