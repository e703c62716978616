//! What a cart costs and when it arrives: lines grouped by seller, each group with the
//! delivery methods that can carry all of its goods to the county, the chosen method's fee
//! (free over the seller's threshold) and delivery window, and the totals with the VAT
//! breakdown. Pure: the cart service loads the facts, checkout prices the same facts again at
//! the moment of ordering, so the date and fee shown are the ones the order gets.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::delivery::dates::{delivery_window, DeliveryWindow};
use crate::delivery::{County, MethodTerms};
use crate::vat::{breakdown, vat_in_gross, VatLine};

/// One cart line with what pricing needs to know about its offer and product.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineFacts {
    pub line_id: i32,
    pub offer_id: i32,
    pub seller_id: i32,
    pub quantity: i32,
    pub unit_price_cents: i64,
    /// Units the seller has now.
    pub stock: i32,
    /// The offer is active and its seller in good standing.
    pub sellable: bool,
    pub cold_chain: bool,
    pub handling_days: u32,
    /// The VAT rate of the product on the day of pricing, in basis points.
    pub vat_rate_bp: u32,
    /// The seller's methods this offer may ship with; `None` means all of them.
    pub method_ids: Option<Vec<i32>>,
    /// Bought into the shopper's pantry: no delivery now.
    pub store: bool,
}

/// Why a line cannot be ordered as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineProblem {
    /// The offer is paused or its seller is not active.
    NotSold,
    /// Nothing left.
    SoldOut,
    /// Fewer units left than the line asks for.
    OnlyLeft(i32),
}

/// One delivery method a seller group can use, with its fee and window for this cart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MethodQuote {
    pub method_id: i32,
    pub fee_cents: i64,
    pub window: DeliveryWindow,
}

/// One seller's lines and delivery.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupQuote {
    pub seller_id: i32,
    /// The seller's lines bought into the pantry: no delivery method, no fee.
    pub store: bool,
    /// Indexes into the lines given to [`price_cart`].
    pub lines: Vec<usize>,
    pub goods_cents: i64,
    /// Every method that can carry all of this group's goods to the county, cheapest first
    /// (then earliest).
    pub options: Vec<MethodQuote>,
    /// The shopper's choice when it is still possible, else the first option; `None` when no
    /// method can deliver this group to the county.
    pub chosen: Option<MethodQuote>,
}

/// The whole cart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CartQuote {
    pub groups: Vec<GroupQuote>,
    /// Per line (same order as given): why it cannot be ordered, if so.
    pub problems: Vec<Option<LineProblem>>,
    pub goods_cents: i64,
    pub delivery_cents: i64,
    pub total_cents: i64,
    /// By rate, highest first: goods at their products' rates, delivery at the standard rate.
    pub vat: Vec<VatLine>,
}

impl CartQuote {
    /// Whether the cart can be ordered as it is: it has lines, none has a problem and every
    /// seller group to be delivered has a delivery method.
    pub fn orderable(&self) -> bool {
        !self.groups.is_empty()
            && self.problems.iter().all(Option::is_none)
            && self.groups.iter().all(|g| g.store || g.chosen.is_some())
    }

    /// Whether anything is delivered now (else checkout asks for no address).
    pub fn delivers(&self) -> bool {
        self.groups.iter().any(|g| !g.store)
    }

    /// Whether anything goes into the pantry (checkout needs an account).
    pub fn stores(&self) -> bool {
        self.groups.iter().any(|g| g.store)
    }

    pub fn vat_cents(&self) -> i64 {
        self.vat.iter().map(|v| v.vat_cents).sum()
    }

    /// What the shopper agrees to, in one string: the total and each group's method, fee and
    /// dates. Checkout sends the one it showed; an order is placed only if it still holds, so
    /// the fee and date shown are the ones the order gets (a price change or the 07:00 cut-off
    /// passing in between asks the shopper to look again).
    pub fn fingerprint(&self) -> String {
        let mut out = format!("{}", self.total_cents);
        for g in &self.groups {
            if g.store {
                out.push_str("|store");
                continue;
            }
            match &g.chosen {
                Some(m) => out.push_str(&format!("|{}:{}:{}:{}", m.method_id, m.fee_cents, m.window.earliest, m.window.latest)),
                None => out.push_str("|-"),
            }
        }
        out
    }
}

/// A line's problem, if any.
pub fn line_problem(line: &LineFacts) -> Option<LineProblem> {
    if !line.sellable {
        Some(LineProblem::NotSold)
    } else if line.stock <= 0 {
        Some(LineProblem::SoldOut)
    } else if line.quantity > line.stock {
        Some(LineProblem::OnlyLeft(line.stock))
    } else {
        None
    }
}

/// The VAT contained in one line's total.
pub fn line_vat(line: &LineFacts) -> i64 {
    vat_in_gross(line.unit_price_cents * i64::from(line.quantity), line.vat_rate_bp)
}

/// Prices the cart for delivery to `county` when ordered at `now`.
///
/// - `methods(seller_id)` gives the seller's delivery methods; `chosen(seller_id)` the
///   shopper's choice for that seller, if any.
/// - A method can serve a group when it serves the county, suits every line (cold-chain goods
///   go by cold courier only) and every line's offer allows it.
/// - The fee is the method's fee for the group's goods (free from its threshold); the window
///   counts from the longest handling time in the group.
/// - Groups keep the order in which their sellers first appear in the lines; a seller's lines
///   bought into the pantry form a group of their own, with no method and no fee (they are
///   delivered later, by a transport order).
pub fn price_cart<'a>(
    lines: &[LineFacts],
    methods: impl Fn(i32) -> &'a [MethodTerms],
    chosen: impl Fn(i32) -> Option<i32>,
    county: County,
    standard_vat_bp: u32,
    now: DateTime<Utc>,
) -> CartQuote {
    let mut groups: Vec<GroupQuote> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        match groups.iter_mut().find(|g| g.seller_id == line.seller_id && g.store == line.store) {
            Some(g) => g.lines.push(i),
            None => groups.push(GroupQuote {
                seller_id: line.seller_id,
                store: line.store,
                lines: vec![i],
                goods_cents: 0,
                options: Vec::new(),
                chosen: None,
            }),
        }
    }
    for group in &mut groups {
        let members: Vec<&LineFacts> = group.lines.iter().map(|&i| &lines[i]).collect();
        group.goods_cents = members.iter().map(|l| l.unit_price_cents * i64::from(l.quantity)).sum();
        if group.store {
            continue;
        }
        let cold = members.iter().any(|l| l.cold_chain);
        let handling = members.iter().map(|l| l.handling_days).max().unwrap_or(0);
        let mut options: Vec<MethodQuote> = methods(group.seller_id)
            .iter()
            .filter(|m| m.serves(county) && m.suits(cold))
            .filter(|m| members.iter().all(|l| l.method_ids.as_ref().is_none_or(|ids| ids.contains(&m.id))))
            .map(|m| MethodQuote {
                method_id: m.id,
                fee_cents: m.fee_for(group.goods_cents),
                window: delivery_window(m, handling, now),
            })
            .collect();
        options.sort_by_key(|o| (o.fee_cents, o.window.earliest, o.window.latest, o.method_id));
        let wanted = chosen(group.seller_id);
        group.chosen = wanted
            .and_then(|id| options.iter().find(|o| o.method_id == id))
            .or_else(|| options.first())
            .cloned();
        group.options = options;
    }

    let problems: Vec<Option<LineProblem>> = lines.iter().map(line_problem).collect();
    let goods_cents: i64 = groups.iter().map(|g| g.goods_cents).sum();
    let delivery_cents: i64 = groups.iter().filter_map(|g| g.chosen.as_ref()).map(|m| m.fee_cents).sum();
    let mut amounts: Vec<(i64, u32)> =
        lines.iter().map(|l| (l.unit_price_cents * i64::from(l.quantity), l.vat_rate_bp)).collect();
    if delivery_cents > 0 {
        amounts.push((delivery_cents, standard_vat_bp));
    }
    CartQuote {
        groups,
        problems,
        goods_cents,
        delivery_cents,
        total_cents: goods_cents + delivery_cents,
        vat: breakdown(&amounts),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::delivery::DeliveryKind;
    use chrono::{NaiveDate, TimeZone};

    fn method(id: i32, kind: DeliveryKind, price: i64, free_over: Option<i64>, regions: Vec<County>) -> MethodTerms {
        MethodTerms { id, kind, price_cents: price, free_over_cents: free_over, regions, days_min: 3, days_max: 7, active: true }
    }

    fn line(id: i32, seller: i32, price: i64, qty: i32) -> LineFacts {
        LineFacts {
            line_id: id,
            offer_id: id * 10,
            seller_id: seller,
            quantity: qty,
            unit_price_cents: price,
            stock: 10,
            sellable: true,
            cold_chain: false,
            handling_days: 0,
            vat_rate_bp: 2400,
            method_ids: None,
            store: false,
        }
    }

    /// Sunday 2026-11-22, 12:00 Tallinn.
    fn sunday() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// The platform food store: cold courier in Harju and Tartu, 7.00 €, free over 39.90 €.
    fn food_store() -> Vec<MethodTerms> {
        vec![method(1, DeliveryKind::ColdCourier, 700, Some(3990), vec![County::Harju, County::Tartu])]
    }

    fn parcels() -> Vec<MethodTerms> {
        vec![
            method(2, DeliveryKind::ParcelLocker, 299, Some(5000), vec![]),
            method(3, DeliveryKind::Courier, 590, None, vec![]),
        ]
    }

    fn price(lines: &[LineFacts], county: County, chosen: Option<(i32, i32)>) -> CartQuote {
        let food = food_store();
        let parcel = parcels();
        price_cart(
            lines,
            |seller| if seller == 1 { &food[..] } else { &parcel[..] },
            |seller| chosen.filter(|(s, _)| *s == seller).map(|(_, m)| m),
            county,
            2400,
            sunday(),
        )
    }

    #[test]
    fn groups_by_seller_in_order_of_appearance() {
        let q = price(&[line(1, 2, 1000, 1), line(2, 1, 500, 2), line(3, 2, 300, 1)], County::Harju, None);
        assert_eq!(q.groups.len(), 2);
        assert_eq!((q.groups[0].seller_id, q.groups[0].lines.clone()), (2, vec![0, 2]));
        assert_eq!((q.groups[1].seller_id, q.groups[1].lines.clone()), (1, vec![1]));
        assert_eq!(q.groups[0].goods_cents, 1300);
        assert_eq!(q.groups[1].goods_cents, 1000);
    }

    #[test]
    fn food_store_fee_below_at_and_over_the_threshold() {
        let below = price(&[line(1, 1, 3989, 1)], County::Harju, None);
        assert_eq!(below.delivery_cents, 700);
        assert_eq!(below.total_cents, 3989 + 700);
        let at = price(&[line(1, 1, 3990, 1)], County::Harju, None);
        assert_eq!(at.delivery_cents, 0);
        // The threshold counts the group's goods, quantities included.
        let two = price(&[line(1, 1, 2000, 2)], County::Harju, None);
        assert_eq!(two.delivery_cents, 0);
    }

    #[test]
    fn cold_courier_date_is_the_next_tuesday_from_sunday() {
        let q = price(&[line(1, 1, 500, 1)], County::Tartu, None);
        let chosen = q.groups[0].chosen.clone().unwrap();
        assert_eq!(chosen.window.earliest, day(2026, 11, 24));
        assert_eq!(chosen.window.latest, day(2026, 11, 24));
    }

    #[test]
    fn no_cold_courier_outside_harju_and_tartu() {
        let q = price(&[line(1, 1, 500, 1)], County::Parnu, None);
        assert!(q.groups[0].options.is_empty());
        assert!(q.groups[0].chosen.is_none());
        assert!(!q.orderable());
        assert_eq!(q.delivery_cents, 0);
    }

    #[test]
    fn cold_chain_line_limits_the_whole_group_to_the_cold_courier() {
        let mut cold = line(1, 2, 500, 1);
        cold.cold_chain = true;
        // Seller 2 has no cold courier: nothing can carry the group.
        let q = price(&[cold.clone(), line(2, 2, 500, 1)], County::Harju, None);
        assert!(q.groups[0].chosen.is_none());
        let only_dry = price(&[line(2, 2, 500, 1)], County::Harju, None);
        assert_eq!(only_dry.groups[0].options.len(), 2);
    }

    #[test]
    fn cheapest_method_is_chosen_unless_the_shopper_chose_another() {
        let q = price(&[line(1, 2, 1000, 1)], County::Harju, None);
        assert_eq!(q.groups[0].chosen.as_ref().unwrap().method_id, 2);
        assert_eq!(q.delivery_cents, 299);
        let q = price(&[line(1, 2, 1000, 1)], County::Harju, Some((2, 3)));
        assert_eq!(q.groups[0].chosen.as_ref().unwrap().method_id, 3);
        assert_eq!(q.delivery_cents, 590);
        // A choice that is no longer possible falls back to the cheapest.
        let q = price(&[line(1, 2, 1000, 1)], County::Harju, Some((2, 99)));
        assert_eq!(q.groups[0].chosen.as_ref().unwrap().method_id, 2);
    }

    #[test]
    fn offer_method_restrictions_intersect() {
        let mut a = line(1, 2, 1000, 1);
        a.method_ids = Some(vec![3]);
        let q = price(&[a, line(2, 2, 1000, 1)], County::Harju, None);
        let ids: Vec<i32> = q.groups[0].options.iter().map(|o| o.method_id).collect();
        assert_eq!(ids, vec![3]);
    }

    #[test]
    fn parcel_window_counts_working_days_and_the_longest_handling() {
        let mut slow = line(2, 2, 1000, 1);
        slow.handling_days = 2;
        let q = price(&[line(1, 2, 1000, 1), slow], County::Harju, None);
        let w = q.groups[0].chosen.as_ref().unwrap().window;
        // Sunday + 2 handling + 3..7 working days: 5 and 9 working days on → Fri 27 Nov, Thu 3 Dec.
        assert_eq!(w.earliest, day(2026, 11, 27));
        assert_eq!(w.latest, day(2026, 12, 3));
    }

    #[test]
    fn stock_problems() {
        let mut short = line(1, 2, 1000, 5);
        short.stock = 3;
        let mut gone = line(2, 2, 1000, 1);
        gone.stock = 0;
        let mut paused = line(3, 2, 1000, 1);
        paused.sellable = false;
        let q = price(&[short, gone, paused, line(4, 2, 100, 1)], County::Harju, None);
        assert_eq!(q.problems, vec![Some(LineProblem::OnlyLeft(3)), Some(LineProblem::SoldOut), Some(LineProblem::NotSold), None]);
        assert!(!q.orderable());
    }

    #[test]
    fn vat_breakdown_includes_delivery_at_the_standard_rate() {
        let mut book = line(2, 2, 1090, 1);
        book.vat_rate_bp = 900;
        let q = price(&[line(1, 2, 1240, 1), book], County::Harju, None);
        assert_eq!(q.total_cents, 1240 + 1090 + 299);
        assert_eq!(q.vat.len(), 2);
        assert_eq!(q.vat[0].rate_bp, 2400);
        assert_eq!(q.vat[0].gross_cents, 1240 + 299);
        assert_eq!(q.vat[1].rate_bp, 900);
        assert_eq!(q.vat[1].vat_cents, 90);
        assert_eq!(q.vat.iter().map(|v| v.gross_cents).sum::<i64>(), q.total_cents);
        assert_eq!(q.vat_cents(), q.vat.iter().map(|v| v.vat_cents).sum::<i64>());
    }

    #[test]
    fn fingerprint_changes_with_the_date_the_order_would_get() {
        let lines = [line(1, 1, 500, 1)];
        let food = food_store();
        let at = |now: DateTime<Utc>| price_cart(&lines, |_| &food[..], |_| None, County::Harju, 2400, now);
        // Monday 2026-11-23 06:59:59 and 07:00:00 Tallinn (UTC+2) still make Tuesday's courier;
        // 07:00:01 waits for Friday.
        let before = at(Utc.with_ymd_and_hms(2026, 11, 23, 4, 59, 59).unwrap());
        let cut_off = at(Utc.with_ymd_and_hms(2026, 11, 23, 5, 0, 0).unwrap());
        let after = at(Utc.with_ymd_and_hms(2026, 11, 23, 5, 0, 1).unwrap());
        assert_eq!(before.fingerprint(), cut_off.fingerprint());
        assert_ne!(cut_off.fingerprint(), after.fingerprint());
        assert_eq!(after.groups[0].chosen.as_ref().unwrap().window.earliest, day(2026, 11, 27));
        // A price change changes it too.
        let dearer = price_cart(&[line(1, 1, 501, 1)], |_| &food[..], |_| None, County::Harju, 2400, sunday());
        assert_ne!(dearer.fingerprint(), price(&lines, County::Harju, None).fingerprint());
    }

    #[test]
    fn empty_cart_is_not_orderable() {
        let q = price(&[], County::Harju, None);
        assert!(!q.orderable());
        assert_eq!(q.total_cents, 0);
        assert!(q.vat.is_empty());
    }

    #[test]
    fn pantry_lines_need_no_delivery_and_do_not_count_for_the_fee() {
        // 30.00 € delivered and 20.00 € stored by the food store: the fee counts only what is
        // delivered now (below 39.90 €: 7.00 €); the stored goods form their own group.
        let mut stored = line(2, 1, 2000, 1);
        stored.store = true;
        let q = price(&[line(1, 1, 3000, 1), stored.clone()], County::Harju, None);
        assert_eq!(q.groups.len(), 2);
        assert!(!q.groups[0].store && q.groups[1].store);
        assert_eq!(q.groups[1].chosen, None);
        assert!(q.groups[1].options.is_empty());
        assert_eq!(q.delivery_cents, 700);
        assert_eq!(q.total_cents, 3000 + 2000 + 700);
        assert!(q.orderable() && q.delivers() && q.stores());
        // Only stored goods: nothing to deliver, no fee, orderable even where no method reaches.
        let only = price(std::slice::from_ref(&stored), County::Hiiu, None);
        assert_eq!((only.delivery_cents, only.total_cents), (0, 2000));
        assert!(only.orderable() && !only.delivers());
        assert!(only.fingerprint().ends_with("|store"));
    }
}
