//! Paging and sorting of product lists: pure functions shared by the server (queries) and the
//! page (links). Query parameters are parsed leniently: a bad value falls back to the default.

use serde::{Deserialize, Serialize};

pub const PER_PAGE: u64 = 24;
/// The deepest page any list serves: deeper requests (crawlers, hand-made URLs) get this one,
/// so an offset is always small and never overflows.
pub const MAX_PAGE: u64 = 1_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum ProductSort {
    /// Most offers first: what many sellers carry is what many shoppers buy.
    #[default]
    Popular,
    PriceAsc,
    PriceDesc,
    Newest,
}

impl ProductSort {
    pub const ALL: [ProductSort; 4] =
        [ProductSort::Popular, ProductSort::PriceAsc, ProductSort::PriceDesc, ProductSort::Newest];

    pub fn param(self) -> &'static str {
        match self {
            ProductSort::Popular => "popular",
            ProductSort::PriceAsc => "price",
            ProductSort::PriceDesc => "price-desc",
            ProductSort::Newest => "newest",
        }
    }

    pub fn from_param(value: Option<&str>) -> ProductSort {
        ProductSort::ALL.into_iter().find(|s| Some(s.param()) == value).unwrap_or_default()
    }
}

/// One page of a list: which page (1-based), how many pages, how many items in all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    pub number: u64,
    pub count: u64,
    pub total: u64,
}

impl Page {
    /// The page to show for a requested number: at least 1, at most the last page.
    pub fn new(requested: u64, total: u64, per_page: u64) -> Page {
        let count = total.div_ceil(per_page).max(1);
        Page { number: requested.clamp(1, count.min(MAX_PAGE)), count, total }
    }

    pub fn offset(&self, per_page: u64) -> u64 {
        (self.number - 1) * per_page
    }

    pub fn prev(&self) -> Option<u64> {
        (self.number > 1).then(|| self.number - 1)
    }

    pub fn next(&self) -> Option<u64> {
        (self.number < self.count).then(|| self.number + 1)
    }
}

/// Parses `?page=` leniently: anything that is not a positive number is page 1; a page
/// beyond [`MAX_PAGE`] is that page.
pub fn parse_page(value: Option<&str>) -> u64 {
    value.and_then(|v| v.parse::<u64>().ok()).filter(|&n| n > 0).unwrap_or(1).min(MAX_PAGE)
}

/// The query string for a list page; the defaults are left out so URLs stay canonical.
pub fn list_query(sort: ProductSort, page: u64) -> String {
    let mut parts = Vec::new();
    if sort != ProductSort::default() {
        parts.push(format!("sort={}", sort.param()));
    }
    if page > 1 {
        parts.push(format!("page={page}"));
    }
    if parts.is_empty() { String::new() } else { format!("?{}", parts.join("&")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_is_clamped_into_range() {
        assert_eq!(Page::new(0, 100, 24).number, 1);
        assert_eq!(Page::new(3, 100, 24), Page { number: 3, count: 5, total: 100 });
        assert_eq!(Page::new(99, 100, 24).number, 5);
        assert_eq!(Page::new(2, 0, 24), Page { number: 1, count: 1, total: 0 });
        assert_eq!(Page::new(1, 48, 24).count, 2);
    }

    #[test]
    fn offsets_and_neighbours() {
        let p = Page::new(2, 50, 24);
        assert_eq!(p.offset(24), 24);
        assert_eq!((p.prev(), p.next()), (Some(1), Some(3)));
        let last = Page::new(3, 50, 24);
        assert_eq!(last.next(), None);
        assert_eq!(Page::new(1, 5, 24).prev(), None);
    }

    #[test]
    fn lenient_parsing() {
        assert_eq!(parse_page(Some("4")), 4);
        assert_eq!(parse_page(Some("0")), 1);
        assert_eq!(parse_page(Some("-2")), 1);
        assert_eq!(parse_page(Some("x")), 1);
        assert_eq!(parse_page(None), 1);
        assert_eq!(parse_page(Some("18446744073709551615")), MAX_PAGE);
        assert_eq!(Page::new(u64::MAX, u64::MAX, 24).number, MAX_PAGE);
        assert_eq!(Page::new(u64::MAX, u64::MAX, 24).offset(24), (MAX_PAGE - 1) * 24);
        assert_eq!(ProductSort::from_param(Some("price-desc")), ProductSort::PriceDesc);
        assert_eq!(ProductSort::from_param(Some("bogus")), ProductSort::Popular);
        for s in ProductSort::ALL {
            assert_eq!(ProductSort::from_param(Some(s.param())), s);
        }
    }

    #[test]
    fn canonical_queries() {
        assert_eq!(list_query(ProductSort::Popular, 1), "");
        assert_eq!(list_query(ProductSort::PriceAsc, 1), "?sort=price");
        assert_eq!(list_query(ProductSort::Popular, 3), "?page=3");
        assert_eq!(list_query(ProductSort::Newest, 2), "?sort=newest&page=2");
    }
}
