//! Typed ids for the rows whose ids cross module boundaries, so that ids of different tables
//! cannot be swapped by mistake where one module calls another. Each wraps the table's `i32`
//! key; `.0` gives it back where sea-orm needs it. Shared by the server and the WASM build (no
//! sea-orm here); DTOs sent to the browser, entities and server function arguments keep plain
//! `i32`s and are wrapped at the boundary.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i32);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// The id of an order (`orders` table).
    OrderId
);
id_type!(
    /// The id of a shipment: one seller's part of an order (`shipments` table).
    ShipmentId
);
id_type!(
    /// The id of a cart, a guest's or an account's (`carts` table).
    CartId
);
id_type!(
    /// The id of a seller's offer of a product (`offers` table).
    OfferId
);
id_type!(
    /// The id of an account (`users` table).
    UserId
);
