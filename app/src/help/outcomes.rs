//! The outcomes a support agent can decide in a dispute, and which combinations make sense:
//! a partial refund (an amount below what is left to refund), a full refund (what is left),
//! cancelling the shipment (only before it is handed to the carrier; it refunds what is left),
//! suspending or restricting the buyer's or the seller's account, and referring the case to
//! the police (counterfeit goods or fraud). Pure: the case service applies a checked decision.

use crate::orders::ShipmentStatus;
use serde::{Deserialize, Serialize};

/// Whose account an outcome is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Party {
    Buyer,
    Seller,
}

/// Why a case goes to the police.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Referral {
    Counterfeit,
    Fraud,
}

/// One outcome of a decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    PartialRefund { cents: i64 },
    FullRefund,
    CancelShipment,
    Suspend(Party),
    Restrict(Party),
    LawEnforcement(Referral),
}

/// Why a decision cannot be recorded as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum OutcomeError {
    #[error("no outcome was chosen")]
    Empty,
    #[error("a partial refund must be more than nothing and less than what is left to refund")]
    PartialOutOfRange { left_cents: i64 },
    #[error("a partial and a full refund at once")]
    TwoRefunds,
    #[error("nothing is left to refund")]
    NothingToRefund,
    #[error("the shipment was handed to the carrier and cannot be cancelled")]
    CannotCancel,
    #[error("suspending an account already restricts it")]
    SuspendAndRestrict,
    #[error("an outcome was chosen twice")]
    Twice,
}

/// What a checked decision does.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Effects {
    /// Paid back through the payment provider.
    pub refund_cents: i64,
    pub cancel_shipment: bool,
    pub suspend: Vec<Party>,
    pub restrict: Vec<Party>,
    pub referral: Option<Referral>,
}

/// Checks `outcomes` for a shipment in `status` of which `left_cents` can still be refunded
/// (paid, less what was refunded before), and says what they do.
pub fn decide(outcomes: &[Outcome], status: ShipmentStatus, left_cents: i64) -> Result<Effects, OutcomeError> {
    if outcomes.is_empty() {
        return Err(OutcomeError::Empty);
    }
    for (i, o) in outcomes.iter().enumerate() {
        if outcomes[..i].contains(o) {
            return Err(OutcomeError::Twice);
        }
    }
    let mut e = Effects::default();
    let partials: Vec<i64> =
        outcomes.iter().filter_map(|o| if let Outcome::PartialRefund { cents } = o { Some(*cents) } else { None }).collect();
    let full = outcomes.contains(&Outcome::FullRefund);
    let cancel = outcomes.contains(&Outcome::CancelShipment);
    if partials.len() + usize::from(full) > 1 || (cancel && !partials.is_empty()) {
        return Err(OutcomeError::TwoRefunds);
    }
    if let Some(&cents) = partials.first() {
        if left_cents <= 0 {
            return Err(OutcomeError::NothingToRefund);
        }
        if cents <= 0 || cents >= left_cents {
            return Err(OutcomeError::PartialOutOfRange { left_cents });
        }
        e.refund_cents = cents;
    }
    if full {
        if left_cents <= 0 {
            return Err(OutcomeError::NothingToRefund);
        }
        e.refund_cents = left_cents;
    }
    if cancel {
        if !status.cancellable() {
            return Err(OutcomeError::CannotCancel);
        }
        e.cancel_shipment = true;
        e.refund_cents = left_cents.max(0);
    }
    for o in outcomes {
        match *o {
            Outcome::Suspend(p) => e.suspend.push(p),
            Outcome::Restrict(p) => e.restrict.push(p),
            Outcome::LawEnforcement(r) => {
                if e.referral.is_some() {
                    return Err(OutcomeError::Twice);
                }
                e.referral = Some(r);
            }
            _ => {}
        }
    }
    if e.suspend.iter().any(|p| e.restrict.contains(p)) {
        return Err(OutcomeError::SuspendAndRestrict);
    }
    Ok(e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ShipmentStatus::*;

    #[test]
    fn a_partial_refund_is_below_what_is_left() {
        let e = decide(&[Outcome::PartialRefund { cents: 1500 }], Delivered, 4990).unwrap();
        assert_eq!((e.refund_cents, e.cancel_shipment), (1500, false));
        assert_eq!(decide(&[Outcome::PartialRefund { cents: 4990 }], Delivered, 4990), Err(OutcomeError::PartialOutOfRange { left_cents: 4990 }));
        assert_eq!(decide(&[Outcome::PartialRefund { cents: 0 }], Delivered, 4990), Err(OutcomeError::PartialOutOfRange { left_cents: 4990 }));
        assert_eq!(decide(&[Outcome::PartialRefund { cents: 100 }], Delivered, 0), Err(OutcomeError::NothingToRefund));
    }

    #[test]
    fn a_full_refund_is_what_is_left_and_only_one_refund() {
        assert_eq!(decide(&[Outcome::FullRefund], Delivered, 3000).unwrap().refund_cents, 3000);
        assert_eq!(decide(&[Outcome::FullRefund, Outcome::PartialRefund { cents: 10 }], Delivered, 3000), Err(OutcomeError::TwoRefunds));
        assert_eq!(decide(&[Outcome::FullRefund], Returned, 0), Err(OutcomeError::NothingToRefund));
        assert_eq!(decide(&[], Delivered, 3000), Err(OutcomeError::Empty));
        assert_eq!(decide(&[Outcome::FullRefund, Outcome::FullRefund], Delivered, 3000), Err(OutcomeError::Twice));
    }

    #[test]
    fn cancelling_only_before_dispatch_and_it_refunds_what_is_left() {
        let e = decide(&[Outcome::CancelShipment], Processing, 2500).unwrap();
        assert!(e.cancel_shipment);
        assert_eq!(e.refund_cents, 2500);
        assert_eq!(decide(&[Outcome::CancelShipment], Shipped, 2500), Err(OutcomeError::CannotCancel));
        assert_eq!(decide(&[Outcome::CancelShipment, Outcome::PartialRefund { cents: 5 }], Paid, 2500), Err(OutcomeError::TwoRefunds));
    }

    #[test]
    fn accounts_and_the_police() {
        let e = decide(
            &[Outcome::FullRefund, Outcome::Suspend(Party::Seller), Outcome::LawEnforcement(Referral::Counterfeit)],
            Delivered,
            1999,
        )
        .unwrap();
        assert_eq!((e.suspend.clone(), e.referral, e.refund_cents), (vec![Party::Seller], Some(Referral::Counterfeit), 1999));
        assert_eq!(decide(&[Outcome::Suspend(Party::Buyer), Outcome::Restrict(Party::Buyer)], Delivered, 0), Err(OutcomeError::SuspendAndRestrict));
        let e = decide(&[Outcome::Restrict(Party::Buyer), Outcome::Suspend(Party::Seller)], Delivered, 0).unwrap();
        assert_eq!((e.restrict, e.suspend, e.refund_cents), (vec![Party::Buyer], vec![Party::Seller], 0));
        assert_eq!(
            decide(&[Outcome::LawEnforcement(Referral::Fraud), Outcome::LawEnforcement(Referral::Counterfeit)], Delivered, 0),
            Err(OutcomeError::Twice)
        );
    }
}
