//! Deterministic demo data (`demo`) and a generator for scale tests (`scale`). Both produce the
//! same rows on every run and on both engines.

pub mod demo;
pub mod demo_data;
pub mod hostile;
mod reviews;
pub mod scale;

pub use demo::seed_demo;
pub use scale::{seed_scale, ScaleReport};

/// A small deterministic generator (SplitMix64): the same seed gives the same catalog.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next_u64() % (hi - lo + 1) as u64) as i64
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// Fisher–Yates shuffle.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// Lower-case ASCII slug: letters and digits, words joined by `-`; Estonian letters folded.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars().flat_map(char::to_lowercase) {
        let mapped = match ch {
            'ä' | 'á' | 'à' | 'â' | 'ą' => Some('a'),
            'õ' | 'ö' | 'ó' | 'ø' => Some('o'),
            'ü' | 'ú' | 'ū' => Some('u'),
            'š' | 'ś' => Some('s'),
            'ž' | 'ż' | 'ź' => Some('z'),
            'é' | 'è' | 'ę' | 'ē' => Some('e'),
            'ł' => Some('l'),
            'ñ' | 'ń' => Some('n'),
            'ć' | 'č' => Some('c'),
            c if c.is_ascii_alphanumeric() => Some(c),
            _ => None,
        };
        match mapped {
            Some(c) => out.push(c),
            None if !out.ends_with('-') && !out.is_empty() => out.push('-'),
            None => {}
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// An EAN-13 with a valid check digit: `prefix` (GS1 country prefix, 474 = Estonia) followed by
/// the serial, zero-padded to 12 digits.
pub fn ean13(prefix: u32, serial: u64) -> String {
    let body = format!("{prefix:03}{serial:09}");
    let sum: u32 = body
        .bytes()
        .enumerate()
        .map(|(i, b)| u32::from(b - b'0') * if i % 2 == 0 { 1 } else { 3 })
        .sum();
    format!("{body}{}", (10 - sum % 10) % 10)
}

/// A shelf price: rounded to end in 9 cents (…,49 / …,99 for larger sums), never below 0,19 €.
pub fn shelf_price(cents: i64) -> i64 {
    let step = if cents >= 1000 { 50 } else { 10 };
    (((cents + step / 2) / step) * step - 1).max(19)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rng_is_deterministic() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        let xs: Vec<u64> = (0..5).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..5).map(|_| b.next_u64()).collect();
        assert_eq!(xs, ys);
        assert_ne!(Rng::new(8).next_u64(), xs[0]);
        let mut r = Rng::new(1);
        assert!((0..1000).map(|_| r.range(3, 5)).all(|v| (3..=5).contains(&v)));
    }

    #[test]
    fn slugs() {
        assert_eq!(slugify("Farmi Piim 2,5%, 1 l"), "farmi-piim-2-5-1-l");
        assert_eq!(slugify("  Šokolaad Õun & Äädikas "), "sokolaad-oun-aadikas");
        assert_eq!(slugify("Молоко"), "");
    }

    #[test]
    fn ean_check_digits_are_valid() {
        // 4740012345672 is not special; check the rule on a known code: 4006381333931.
        assert_eq!(ean13(400, 638133393), "4006381333931");
        let code = ean13(474, 42);
        assert_eq!(code.len(), 13);
        assert!(code.starts_with("474000000042"));
    }

    #[test]
    fn shelf_prices_end_in_nine() {
        assert_eq!(shelf_price(123), 119);
        assert_eq!(shelf_price(1234), 1249);
        assert_eq!(shelf_price(5), 19);
        assert!([99, 249, 1999].iter().all(|&p| shelf_price(p) % 10 == 9));
    }
}
