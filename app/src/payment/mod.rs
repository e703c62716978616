//! Payment rules shared by checkout and the payment providers (issue 4). For now: the
//! buy-now-pay-later schedules.

pub mod instalments;
