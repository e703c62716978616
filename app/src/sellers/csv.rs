//! Sellers' bulk offer updates by CSV: the uploaded file read into typed rows and the problems
//! of each row. Pure: bytes in, [`Parsed`] out; no database, no I/O. Finding the products and
//! offers the rows name, and the all-or-nothing import (nothing changes while any row has a
//! problem), happen in the service that calls [`parse`].
//!
//! The format is what a spreadsheet saves, an Estonian one first:
//! - The first line names the columns, in any order, in Estonian, English or Russian and any
//!   case ("EAN", "Hind", "Остаток"; the aliases are listed at [`Column::from_header`]). Other
//!   columns ("toote nimi") are ignored and reported, so a seller can upload the sheet they
//!   keep. An `ean` or a `product_id` column (or both) must be there.
//! - The separator is `;` or `,`, whichever occurs more often outside quotes in the header
//!   line (a tie is `,`): Estonian Excel saves `;` because `,` is its decimal separator. A first
//!   line `sep=;` or `sep=,` (Excel's own hint) names it instead.
//! - UTF-8, with or without a BOM, or, when the bytes are not valid UTF-8, Windows-1257: what
//!   "CSV (comma delimited)" writes on a Baltic Windows. A workbook (.xlsx) or any file with a
//!   NUL byte is refused: it has to be saved as CSV first.
//! - RFC 4180 quoting: a field in double quotes may hold the separator, line breaks and `""`
//!   for a quote. Lines end in CRLF, LF or CR; the last one may have no end. Cells are trimmed.
//! - An empty cell leaves the offer's value as it is; only the key (the EAN, else the product
//!   id) is required. Blank lines are skipped, and so are empty cells past the header's last
//!   column (a trailing separator); a non-empty one there means the columns slipped (an
//!   unquoted `12,99` in a `,` file), and the row is refused.
//!
//! A line number is the physical line the record starts on (the header's is 1), as a text
//! editor shows it. Every problem of a row is reported, one [`RowError`] per bad cell, and a
//! row with a problem is left out of [`Parsed::rows`]; what is wrong with the file as a whole
//! is a [`FileProblem`] instead.

// The types cross to the browser (the import pages show them); reading a file is the server's.
#![cfg_attr(not(feature = "ssr"), allow(dead_code))]

use super::offers::{parse_price, whole_number, OfferProblem, HANDLING_MAX_DAYS, STOCK_MAX};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::hash_map::{Entry, HashMap};

/// The largest file read: 16 MiB.
pub const MAX_BYTES: usize = 16 * 1024 * 1024;
/// The most data records a file may have.
pub const MAX_ROWS: usize = 200_000;

/// The text encoding a file was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Encoding {
    Utf8,
    /// Baltic Windows, what Excel saves a "CSV (comma delimited)" in on an Estonian computer.
    Windows1257,
}

impl Encoding {
    pub fn code(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Windows1257 => "Windows-1257",
        }
    }
}

/// The separator between the cells of a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Separator {
    Comma,
    Semicolon,
}

impl Separator {
    pub fn code(self) -> &'static str {
        match self {
            Separator::Comma => ",",
            Separator::Semicolon => ";",
        }
    }

    fn byte(self) -> u8 {
        match self {
            Separator::Comma => b',',
            Separator::Semicolon => b';',
        }
    }
}

/// A column the file may have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Column {
    Ean,
    ProductId,
    Price,
    Stock,
    Active,
    HandlingDays,
}

impl Column {
    pub const ALL: [Column; 6] =
        [Column::Ean, Column::ProductId, Column::Price, Column::Stock, Column::Active, Column::HandlingDays];

    pub fn code(self) -> &'static str {
        match self {
            Column::Ean => "ean",
            Column::ProductId => "product_id",
            Column::Price => "price",
            Column::Stock => "stock",
            Column::Active => "active",
            Column::HandlingDays => "handling_days",
        }
    }

    /// The column a header cell names: trimmed, in any case, spaces and hyphens read as `_`.
    /// - ean: `ean`, `gtin`, `ean13`, `barcode`, `ribakood`, `штрихкод`;
    /// - product_id: `product_id`, `id`, `toote_id`, `id_товара`;
    /// - price: `price`, `hind`, `цена`;
    /// - stock: `stock`, `quantity`, `qty`, `laoseis`, `kogus`, `остаток`, `количество`;
    /// - active: `active`, `aktiivne`, `активно`, `активен`;
    /// - handling_days: `handling_days`, `handling_time`, `handling`, `töötlusaeg`,
    ///   `срок_обработки`.
    pub fn from_header(text: &str) -> Option<Column> {
        let name: String = text
            .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
            .chars()
            .flat_map(char::to_lowercase)
            .map(|c| if c == ' ' || c == '-' { '_' } else { c })
            .collect();
        Some(match name.as_str() {
            "ean" | "gtin" | "ean13" | "barcode" | "ribakood" | "штрихкод" => Column::Ean,
            "product_id" | "id" | "toote_id" | "id_товара" => Column::ProductId,
            "price" | "hind" | "цена" => Column::Price,
            "stock" | "quantity" | "qty" | "laoseis" | "kogus" | "остаток" | "количество" => {
                Column::Stock
            }
            "active" | "aktiivne" | "активно" | "активен" => Column::Active,
            "handling_days" | "handling_time" | "handling" | "töötlusaeg" | "срок_обработки" => {
                Column::HandlingDays
            }
            _ => return None,
        })
    }
}

/// What a row names its product by: an EAN (GTIN-8, -12, -13 or -14, as written; a 12-digit
/// UPC is not padded here) or the catalogue's product id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Key {
    Ean(String),
    ProductId(i32),
}

impl Key {
    /// The column the key was read from.
    pub fn column(&self) -> Column {
        match self {
            Key::Ean(_) => Column::Ean,
            Key::ProductId(_) => Column::ProductId,
        }
    }
}

/// A valid row: the product and the terms to change (`None`: the cell was empty, keep).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub line: u32,
    pub key: Key,
    pub price_cents: Option<i64>,
    pub stock: Option<i32>,
    pub active: Option<bool>,
    pub handling_days: Option<i32>,
}

/// What is wrong with a row, or with one of its cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowProblem {
    /// A price, stock or handling time the offer form would refuse too.
    Value(OfferProblem),
    /// Not 8, 12, 13 or 14 digits with a right check digit (or a number a spreadsheet wrote
    /// as `4,74E+12`).
    BadEan,
    /// Not a positive whole number.
    BadProductId,
    /// Not yes/no, true/false, 1/0, on/off, jah/ei or да/нет.
    BadActive,
    /// Neither an EAN nor a product id.
    MissingKey,
    /// More cells than the header has columns (an unquoted `12,99` in a `,` file, say).
    FieldCount,
    /// The same product as an earlier row.
    Duplicate { first_line: u32 },
    /// No catalogue product has the key (the database check; not produced here).
    UnknownProduct,
    /// A new offer needs a price (the database check; not produced here).
    PriceForNewOffer,
}

/// A problem of a row: its line and, for a cell's, the cell's column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    pub line: u32,
    pub column: Option<Column>,
    pub problem: RowProblem,
}

/// Why a file cannot be read at all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum FileProblem {
    #[error("the file has no rows")]
    Empty,
    #[error("the file is larger than 16 MiB")]
    TooLarge,
    #[error("the file has more than 200,000 rows")]
    TooManyRows,
    #[error("not a text file (save as CSV)")]
    NotText,
    #[error("no ean or product_id column")]
    NoKeyColumn,
    #[error("the {} column is there twice", .0.code())]
    DuplicateColumn(Column),
    #[error("the quote opened on line {line} is never closed")]
    UnterminatedQuote { line: u32 },
}

/// A file read: how, its columns, and its rows and their problems.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub encoding: Encoding,
    pub separator: Separator,
    /// The recognised columns, in header order.
    pub columns: Vec<Column>,
    /// The header texts not recognised (non-empty ones), in header order.
    pub ignored: Vec<String>,
    /// Data records seen, valid or not (blank ones are not counted).
    pub records: u32,
    /// The valid rows, in file order.
    pub rows: Vec<Row>,
    /// The rows' problems, in line order; a row's in the order of [`Column::ALL`], then a
    /// missing or duplicate key.
    pub errors: Vec<RowError>,
}

/// The file's text: UTF-8 (a BOM skipped) if it is valid UTF-8, else Windows-1257. A file with
/// a NUL byte (UTF-16, an old .xls) or a zip (an .xlsx) is not text.
#[cfg(feature = "ssr")]
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), FileProblem> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.contains(&0) {
        return Err(FileProblem::NotText);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((Cow::Borrowed(text), Encoding::Utf8)),
        Err(_) => Ok((encoding_rs::WINDOWS_1257.decode_without_bom_handling(bytes).0, Encoding::Windows1257)),
    }
}

/// `;` if it occurs more often than `,` outside double quotes, else `,`.
pub fn detect_separator(header_line: &str) -> Separator {
    let (mut commas, mut semicolons, mut quoted) = (0usize, 0usize, false);
    for b in header_line.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas {
        Separator::Semicolon
    } else {
        Separator::Comma
    }
}

/// Reads a seller's CSV file (see the module documentation for the format).
#[cfg(feature = "ssr")]
pub fn parse(bytes: &[u8]) -> Result<Parsed, FileProblem> {
    if bytes.len() > MAX_BYTES {
        return Err(FileProblem::TooLarge);
    }
    let (text, encoding) = decode(bytes)?;
    // The header line: the first with more than separators, quotes and spaces.
    let meaningful = |line: &&str| line.chars().any(|c| !c.is_whitespace() && !matches!(c, ',' | ';' | '"'));
    let Some(first) = text.split(['\r', '\n']).find(meaningful) else {
        return Err(FileProblem::Empty);
    };
    let hinted = separator_hint(first);
    let separator = hinted.unwrap_or_else(|| detect_separator(first));
    let mut reader = Reader { text: &text, pos: 0, line: 1, sep: separator.byte() };
    let mut cells: Vec<Cow<'_, str>> = Vec::new();
    let mut skip_hint = hinted.is_some();
    loop {
        if reader.next_record(&mut cells)?.is_none() {
            return Err(FileProblem::Empty);
        }
        if is_blank(&cells) {
            continue;
        }
        if std::mem::take(&mut skip_hint) {
            continue;
        }
        break;
    }
    let (header, columns, ignored) = read_header(&cells)?;
    let mut parsed = Parsed { encoding, separator, columns, ignored, records: 0, rows: Vec::new(), errors: Vec::new() };
    let mut seen: HashMap<Key, u32> = HashMap::new();
    while let Some(line) = reader.next_record(&mut cells)? {
        if is_blank(&cells) {
            continue;
        }
        parsed.records += 1;
        if parsed.records as usize > MAX_ROWS {
            return Err(FileProblem::TooManyRows);
        }
        if let Some(row) = read_row(line, &cells, &header, &mut seen, &mut parsed.errors) {
            parsed.rows.push(row);
        }
    }
    if parsed.records == 0 {
        return Err(FileProblem::Empty);
    }
    Ok(parsed)
}

/// The separator a first line `sep=;` or `sep=,` names.
fn separator_hint(line: &str) -> Option<Separator> {
    let line = line.trim();
    if !line.get(..4)?.eq_ignore_ascii_case("sep=") {
        return None;
    }
    match &line[4..] {
        ";" => Some(Separator::Semicolon),
        "," => Some(Separator::Comma),
        _ => None,
    }
}

fn is_blank(cells: &[Cow<'_, str>]) -> bool {
    cells.iter().all(|c| c.is_empty())
}

/// Where each column is (by cell index), and how many cells the header has.
struct Header {
    index: [Option<usize>; 6],
    width: usize,
}

fn read_header(cells: &[Cow<'_, str>]) -> Result<(Header, Vec<Column>, Vec<String>), FileProblem> {
    let mut index = [None; 6];
    let (mut columns, mut ignored) = (Vec::new(), Vec::new());
    for (i, text) in cells.iter().enumerate() {
        match Column::from_header(text) {
            Some(column) if index[column as usize].is_some() => return Err(FileProblem::DuplicateColumn(column)),
            Some(column) => {
                index[column as usize] = Some(i);
                columns.push(column);
            }
            None if text.is_empty() => {}
            None => ignored.push(text.to_string()),
        }
    }
    if index[Column::Ean as usize].is_none() && index[Column::ProductId as usize].is_none() {
        return Err(FileProblem::NoKeyColumn);
    }
    Ok((Header { index, width: cells.len() }, columns, ignored))
}

/// A data record's row, or `None` with its problems added to `errors`. `seen` holds the keys
/// of the rows so far and their lines.
fn read_row(
    line: u32,
    cells: &[Cow<'_, str>],
    header: &Header,
    seen: &mut HashMap<Key, u32>,
    errors: &mut Vec<RowError>,
) -> Option<Row> {
    // Extra cells are tolerated when empty (a trailing separator); anything else in them means
    // the columns slipped, so the other cells are not read.
    if cells.len() > header.width && !is_blank(&cells[header.width..]) {
        errors.push(RowError { line, column: None, problem: RowProblem::FieldCount });
        return None;
    }
    let cell = |c: Column| header.index[c as usize].and_then(|i| cells.get(i)).map_or("", |s| s.as_ref());
    let mut problems = Problems { line, before: errors.len(), errors };
    let (ean_cell, id_cell) = (cell(Column::Ean), cell(Column::ProductId));
    let ean = problems.check(Column::Ean, optional(ean_cell, |s| valid_gtin(s).then_some(s).ok_or(RowProblem::BadEan)));
    let product_id =
        problems.check(Column::ProductId, optional(id_cell, |s| product_id(s).ok_or(RowProblem::BadProductId)));
    let price_cents =
        problems.check(Column::Price, optional(cell(Column::Price), |s| parse_price(s).map_err(RowProblem::Value)));
    let stock = problems
        .check(Column::Stock, optional(cell(Column::Stock), |s| whole_number(s, STOCK_MAX).map_err(RowProblem::Value)));
    let active =
        problems.check(Column::Active, optional(cell(Column::Active), |s| yes_no(s).ok_or(RowProblem::BadActive)));
    let handling_days = problems.check(
        Column::HandlingDays,
        optional(cell(Column::HandlingDays), |s| whole_number(s, HANDLING_MAX_DAYS).map_err(RowProblem::Value)),
    );

    // A non-empty EAN is the key, else the product id; a bad one of either is already reported.
    let key = match (ean, product_id) {
        (Some(ean), _) => Some(Key::Ean(ean.to_owned())),
        (None, Some(id)) if ean_cell.is_empty() => Some(Key::ProductId(id)),
        _ => {
            if ean_cell.is_empty() && id_cell.is_empty() {
                problems.report(None, RowProblem::MissingKey);
            }
            None
        }
    };
    // A row with problems holds its key too: the file names the product twice either way.
    if let Some(key) = &key {
        match seen.entry(key.clone()) {
            Entry::Occupied(first) => {
                problems.report(Some(key.column()), RowProblem::Duplicate { first_line: *first.get() })
            }
            Entry::Vacant(slot) => {
                slot.insert(line);
            }
        }
    }
    if problems.any() {
        return None;
    }
    Some(Row { line, key: key?, price_cents, stock, active, handling_days })
}

/// A cell's value: `None` if it is empty (keep what the offer has), else what `read` makes of it.
fn optional<'s, T>(raw: &'s str, read: impl FnOnce(&'s str) -> Result<T, RowProblem>) -> Result<Option<T>, RowProblem> {
    if raw.is_empty() {
        Ok(None)
    } else {
        read(raw).map(Some)
    }
}

/// The problems of the row on `line`, added to the file's (those from `before` on are its).
struct Problems<'e> {
    line: u32,
    errors: &'e mut Vec<RowError>,
    before: usize,
}

impl Problems<'_> {
    fn report(&mut self, column: Option<Column>, problem: RowProblem) {
        self.errors.push(RowError { line: self.line, column, problem });
    }

    /// The value of a cell of `column`, or `None` with its problem reported.
    fn check<T>(&mut self, column: Column, value: Result<Option<T>, RowProblem>) -> Option<T> {
        value.unwrap_or_else(|problem| {
            self.report(Some(column), problem);
            None
        })
    }

    fn any(&self) -> bool {
        self.errors.len() > self.before
    }
}

/// A GTIN-8, -12, -13 or -14: digits only, the last one the mod-10 check digit (weights 3 and
/// 1 alternating from the right, the check digit's own weight 1).
fn valid_gtin(s: &str) -> bool {
    let digits = s.as_bytes();
    if !matches!(digits.len(), 8 | 12 | 13 | 14) || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 =
        digits.iter().rev().enumerate().map(|(i, d)| u32::from(d - b'0') * if i % 2 == 1 { 3 } else { 1 }).sum();
    sum.is_multiple_of(10)
}

/// A positive `i32` written in digits.
fn product_id(s: &str) -> Option<i32> {
    if s.len() > 10 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|&id| id > 0)
}

/// yes/no in English, Estonian and Russian, and the TRUE/FALSE a spreadsheet writes in each
/// (Estonian Excel's TÕENE/VÄÄR, Russian's ИСТИНА/ЛОЖЬ).
fn yes_no(s: &str) -> Option<bool> {
    const YES: [&str; 9] = ["yes", "y", "true", "1", "on", "jah", "tõene", "да", "истина"];
    const NO: [&str; 9] = ["no", "n", "false", "0", "off", "ei", "väär", "нет", "ложь"];
    let lower;
    let s = if s.is_ascii() {
        s
    } else {
        lower = s.to_lowercase();
        lower.as_str()
    };
    if YES.iter().any(|w| w.eq_ignore_ascii_case(s)) {
        Some(true)
    } else if NO.iter().any(|w| w.eq_ignore_ascii_case(s)) {
        Some(false)
    } else {
        None
    }
}

/// An RFC 4180 record reader over the whole text. The separator, quotes and line ends are
/// ASCII, so scanning bytes never splits a character, and a cell is a slice of the text unless
/// it has a `""` (or text after its closing quote).
struct Reader<'a> {
    text: &'a str,
    pos: usize,
    /// The physical line `pos` is on.
    line: u32,
    sep: u8,
}

impl<'a> Reader<'a> {
    /// Reads the next record's trimmed cells into `cells` and returns the line it starts on, or
    /// `None` at the end of the text.
    fn next_record(&mut self, cells: &mut Vec<Cow<'a, str>>) -> Result<Option<u32>, FileProblem> {
        cells.clear();
        let bytes = self.text.as_bytes();
        if self.pos >= bytes.len() {
            return Ok(None);
        }
        let start = self.line;
        loop {
            let cell = self.cell()?;
            cells.push(cell);
            match bytes.get(self.pos) {
                Some(&b) if b == self.sep => self.pos += 1,
                Some(b'\r') => {
                    self.pos += if bytes.get(self.pos + 1) == Some(&b'\n') { 2 } else { 1 };
                    self.line += 1;
                    return Ok(Some(start));
                }
                Some(_) => {
                    // A line feed: `cell` stops only at the separator or a line end.
                    self.pos += 1;
                    self.line += 1;
                    return Ok(Some(start));
                }
                None => return Ok(Some(start)),
            }
        }
    }

    /// Reads one cell, leaving `pos` at the separator or line end after it (or the end).
    fn cell(&mut self) -> Result<Cow<'a, str>, FileProblem> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        let start = self.pos;
        let opening =
            start + bytes[start..].iter().position(|&b| b != b' ' && b != b'\t').unwrap_or(bytes.len() - start);
        if bytes.get(opening) != Some(&b'"') {
            self.pos = self.plain_end(start);
            return Ok(Cow::Borrowed(text[start..self.pos].trim()));
        }
        let opened_on = self.line;
        // `owned` collects the content when a `""` makes it differ from a slice of the text.
        let mut owned: Option<String> = None;
        let mut from = opening + 1;
        loop {
            let Some(q) = bytes[from..].iter().position(|&b| b == b'"') else {
                return Err(FileProblem::UnterminatedQuote { line: opened_on });
            };
            let q = from + q;
            self.line += line_breaks(&bytes[from..q]);
            if bytes.get(q + 1) == Some(&b'"') {
                owned.get_or_insert_with(String::new).push_str(&text[from..=q]);
                from = q + 2;
                continue;
            }
            let content = &text[from..q];
            self.pos = self.plain_end(q + 1);
            let after = &text[q + 1..self.pos];
            return Ok(match owned {
                None if after.trim().is_empty() => Cow::Borrowed(content.trim()),
                owned => {
                    let mut s = owned.unwrap_or_default();
                    s.push_str(content);
                    s.push_str(after);
                    Cow::Owned(s.trim().to_owned())
                }
            });
        }
    }

    /// Where an unquoted stretch from `from` ends: the next separator, CR or LF, or the end.
    fn plain_end(&self, from: usize) -> usize {
        let bytes = self.text.as_bytes();
        let sep = self.sep;
        from + bytes[from..].iter().position(|&b| b == sep || b == b'\r' || b == b'\n').unwrap_or(bytes.len() - from)
    }
}

/// The line breaks (LF, CRLF or a lone CR) in a quoted stretch (a CRLF is never cut: the
/// stretch ends at a quote).
fn line_breaks(span: &[u8]) -> u32 {
    let mut n = 0;
    for (i, &b) in span.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && span.get(i + 1) != Some(&b'\n')) {
            n += 1;
        }
    }
    n
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    /// A file's rows and problems (the file itself must be fine).
    fn read(text: &str) -> Parsed {
        parse(text.as_bytes()).unwrap_or_else(|e| panic!("{e:?} in {text:?}"))
    }

    fn row(line: u32, key: Key) -> Row {
        Row { line, key, price_cents: None, stock: None, active: None, handling_days: None }
    }

    fn ean(s: &str) -> Key {
        Key::Ean(s.to_string())
    }

    fn error(line: u32, column: Option<Column>, problem: RowProblem) -> RowError {
        RowError { line, column, problem }
    }

    /// An EAN-13 of Estonia's 474 prefix, its check digit worked out left to right (weights 1
    /// and 3 from the first digit), not the way the module checks it.
    fn estonian_ean(n: u32) -> String {
        let body = format!("474{n:09}");
        let sum: u32 =
            body.bytes().enumerate().map(|(i, d)| u32::from(d - b'0') * if i % 2 == 0 { 1 } else { 3 }).sum();
        format!("{body}{}", (10 - sum % 10) % 10)
    }

    #[test]
    fn separator_is_what_the_header_has_more_of() {
        assert_eq!(detect_separator("ean,price,stock"), Separator::Comma);
        assert_eq!(detect_separator("ean;price;stock"), Separator::Semicolon);
        assert_eq!(detect_separator("ean"), Separator::Comma);
        assert_eq!(detect_separator("ean;price,stock"), Separator::Comma, "a tie is ,");
        assert_eq!(detect_separator("\"a,b,c\";ean;price"), Separator::Semicolon, "quoted commas do not count");
        assert_eq!(detect_separator("\"a;b;c\",ean,price"), Separator::Comma);
        assert_eq!((Separator::Comma.code(), Separator::Semicolon.code()), (",", ";"));
        assert_eq!((Encoding::Utf8.code(), Encoding::Windows1257.code()), ("UTF-8", "Windows-1257"));
        let codes: Vec<&str> = Column::ALL.iter().map(|c| c.code()).collect();
        assert_eq!(codes, ["ean", "product_id", "price", "stock", "active", "handling_days"]);
        for c in Column::ALL {
            assert_eq!(Column::from_header(c.code()), Some(c));
        }
    }

    #[test]
    fn estonian_excel_semicolons_and_decimal_commas() {
        let p = read("EAN;Hind;Laoseis\n4740000000018;12,99;5\n4006381333931;1 299,5;0\n");
        assert_eq!((p.separator, p.encoding), (Separator::Semicolon, Encoding::Utf8));
        assert_eq!(p.columns, [Column::Ean, Column::Price, Column::Stock]);
        assert_eq!(p.records, 2);
        assert_eq!(p.errors, []);
        assert_eq!(
            p.rows,
            [
                Row { price_cents: Some(1299), stock: Some(5), ..row(2, ean("4740000000018")) },
                Row { price_cents: Some(129_950), stock: Some(0), ..row(3, ean("4006381333931")) },
            ]
        );
    }

    #[test]
    fn comma_file_with_a_quoted_decimal_comma() {
        let p = read("ean,price,stock\n4740000000018,\"12,99\",3\n4006381333931, \"7.5\" ,\n");
        assert_eq!(p.separator, Separator::Comma);
        assert_eq!(p.errors, []);
        assert_eq!(p.rows[0], Row { price_cents: Some(1299), stock: Some(3), ..row(2, ean("4740000000018")) });
        assert_eq!(p.rows[1], Row { price_cents: Some(750), ..row(3, ean("4006381333931")) });
    }

    #[test]
    fn quotes_hold_separators_quotes_and_line_breaks() {
        let text = "product_id;title;price\n\
                    1;\"Kruvikeeraja; 18 V\";5\n\
                    2;\"Teler 55\"\" \"\"Smart\"\"\";6\n\
                    3;\"kaks\nrida\r\nja kolm\";7\n\
                    4;\"\";8\n\
                    5;\"x\"y;9\n";
        let p = read(text);
        assert_eq!(p.ignored, ["title"]);
        assert_eq!(p.errors, []);
        let lines: Vec<(u32, Key, Option<i64>)> =
            p.rows.iter().map(|r| (r.line, r.key.clone(), r.price_cents)).collect();
        assert_eq!(
            lines,
            [
                (2, Key::ProductId(1), Some(500)),
                (3, Key::ProductId(2), Some(600)),
                (4, Key::ProductId(3), Some(700)),
                (7, Key::ProductId(4), Some(800)),
                (8, Key::ProductId(5), Some(900)),
            ],
            "the record after a three-line cell starts on line 7"
        );
        // What the cells held, through the reader itself.
        let mut reader = Reader { text, pos: 0, line: 1, sep: b';' };
        let mut cells = Vec::new();
        let mut records = Vec::new();
        while let Some(line) = reader.next_record(&mut cells).unwrap() {
            records.push((line, cells.iter().map(|c| c.to_string()).collect::<Vec<_>>()));
        }
        assert_eq!(records[1], (2, vec!["1".into(), "Kruvikeeraja; 18 V".into(), "5".into()]));
        assert_eq!(records[2].1[1], "Teler 55\" \"Smart\"");
        assert_eq!(records[3].1[1], "kaks\nrida\r\nja kolm");
        assert_eq!(records[4].1[1], "");
        assert_eq!(records[5].1[1], "xy");
        assert_eq!(records.len(), 6);
    }

    #[test]
    fn an_error_after_a_multi_line_cell_has_its_physical_line() {
        let p = read("id,note,stock\n1,\"a\n\nb\",1\n2,,-3\n");
        assert_eq!(p.errors, [error(5, Some(Column::Stock), RowProblem::Value(OfferProblem::TooLow))]);
    }

    #[test]
    fn crlf_lone_cr_and_no_final_newline() {
        let p = read("ean;stock\r\n4740000000018;1\r\n\r\n4006381333931;2");
        assert_eq!(p.records, 2);
        assert_eq!(
            p.rows,
            [
                Row { stock: Some(1), ..row(2, ean("4740000000018")) },
                Row { stock: Some(2), ..row(4, ean("4006381333931")) }
            ]
        );
        // Old Mac line ends.
        let p = read("ean;stock\r4740000000018;1\r4006381333931;2\r");
        assert_eq!(p.rows.iter().map(|r| (r.line, r.stock)).collect::<Vec<_>>(), [(2, Some(1)), (3, Some(2))]);
        // A lone CR, then a CR and a CRLF, inside quotes: three line breaks.
        let p = read("ean;note;stock\r4740000000018;\"a\rb\r\r\nc\";1\r4006381333931;;2");
        assert_eq!(p.rows.iter().map(|r| (r.line, r.stock)).collect::<Vec<_>>(), [(2, Some(1)), (6, Some(2))]);
    }

    #[test]
    fn utf8_bom_is_skipped() {
        let p = parse(b"\xEF\xBB\xBFean;hind\n4740000000018;3\n").unwrap();
        assert_eq!((p.encoding, p.columns.as_slice()), (Encoding::Utf8, [Column::Ean, Column::Price].as_slice()));
        assert_eq!(p.ignored, Vec::<String>::new());
        assert_eq!(p.rows[0].price_cents, Some(300));
        let (text, encoding) = decode(b"\xEF\xBB\xBFa\xC3\xB5").unwrap();
        assert_eq!((text.as_ref(), encoding), ("aõ", Encoding::Utf8));
    }

    #[test]
    fn windows_1257_for_estonian_letters() {
        // "toote nimi;EAN;Töötlusaeg" and a product called "Õun, äädikas, šokolaad, žele, üks".
        let mut bytes = b"toote nimi;EAN;T\xd6\xf6tlusaeg\n".to_vec();
        bytes.extend_from_slice(b"\xd5un \xe4\xe4dikas \xf0okolaad \xfeele \xfcks;4740000000018;2\n");
        let p = parse(&bytes).unwrap();
        assert_eq!(p.encoding, Encoding::Windows1257);
        assert_eq!(p.ignored, ["toote nimi"]);
        assert_eq!(p.columns, [Column::Ean, Column::HandlingDays]);
        assert_eq!(p.rows, [Row { handling_days: Some(2), ..row(2, ean("4740000000018")) }]);
        let (text, _) = decode(b"\xf5\xe4\xf6\xfc\xf0\xfe \xd5\xc4\xd6\xdc\xd0\xde").unwrap();
        assert_eq!(text, "õäöüšž ÕÄÖÜŠŽ");
    }

    #[test]
    fn header_aliases_in_three_languages_and_any_case() {
        let p = read("Ribakood;Toote-ID;HIND;Kogus;Aktiivne;Töötlusaeg\n4740000000018;7;1;2;jah;3\n");
        assert_eq!(p.columns, Column::ALL);
        assert_eq!(
            p.rows,
            [Row {
                price_cents: Some(100),
                stock: Some(2),
                active: Some(true),
                handling_days: Some(3),
                ..row(2, ean("4740000000018"))
            }]
        );
        let p = read("Штрихкод;ID товара;Цена;Количество;Активен;Срок обработки\n4740000000018;7;1;2;НЕТ;3\n");
        assert_eq!(p.columns, Column::ALL);
        assert_eq!(p.rows[0].active, Some(false));
        let p = read(" GTIN , Product Id,Price,QTY,Active,Handling-Time\n,7,1,2,Y,3\n");
        assert_eq!(p.columns, Column::ALL);
        assert_eq!(p.rows[0].key, Key::ProductId(7), "no EAN in the row: the product id is the key");
        for (name, column) in [
            ("ean13", Column::Ean),
            ("BARCODE", Column::Ean),
            ("id", Column::ProductId),
            ("toote_id", Column::ProductId),
            ("id_товара", Column::ProductId),
            ("quantity", Column::Stock),
            ("laoseis", Column::Stock),
            ("остаток", Column::Stock),
            ("stock", Column::Stock),
            ("активно", Column::Active),
            ("handling", Column::HandlingDays),
            ("handling days", Column::HandlingDays),
            ("\u{feff}ean", Column::Ean),
        ] {
            assert_eq!(Column::from_header(name), Some(column), "{name}");
        }
        assert_eq!(Column::from_header("title"), None);
        assert_eq!(Column::from_header("eans"), None);
        assert_eq!(Column::from_header("handling__days"), None);
    }

    #[test]
    fn unknown_columns_are_ignored_and_reported() {
        let p = read("title;ean;;Nimi;price;brand\nDrill;4740000000018;x;y;5;Bosch;\n");
        assert_eq!(p.columns, [Column::Ean, Column::Price]);
        assert_eq!(p.ignored, ["title", "Nimi", "brand"], "the empty header is not listed");
        assert_eq!(
            p.rows,
            [Row { price_cents: Some(500), ..row(2, ean("4740000000018")) }],
            "a trailing empty cell is fine"
        );
    }

    #[test]
    fn header_problems() {
        assert_eq!(parse(b"ean;price;hind\n4740000000018;1;2\n"), Err(FileProblem::DuplicateColumn(Column::Price)));
        assert_eq!(parse(b"gtin,barcode\n"), Err(FileProblem::DuplicateColumn(Column::Ean)));
        assert_eq!(parse(b"title;price;stock\nx;1;2\n"), Err(FileProblem::NoKeyColumn));
        assert_eq!(FileProblem::DuplicateColumn(Column::Price).to_string(), "the price column is there twice");
        assert_eq!(FileProblem::NotText.to_string(), "not a text file (save as CSV)");
    }

    #[test]
    fn bad_values_are_reported_with_line_and_column() {
        let p = read(
            "ean;price;stock;handling_days;active\n\
             4740000000018;12,999;1.5;31;maybe\n\
             4006381333931;abc;-3;2;yes\n\
             96385074;-1;1000001;-1;ON\n\
             036000291452;0;;;\n",
        );
        let value = |line, column, p| error(line, Some(column), RowProblem::Value(p));
        assert_eq!(
            p.errors,
            [
                value(2, Column::Price, OfferProblem::NotANumber),
                value(2, Column::Stock, OfferProblem::NotANumber),
                error(2, Some(Column::Active), RowProblem::BadActive),
                value(2, Column::HandlingDays, OfferProblem::TooHigh),
                value(3, Column::Price, OfferProblem::NotANumber),
                value(3, Column::Stock, OfferProblem::TooLow),
                value(4, Column::Price, OfferProblem::NotANumber),
                value(4, Column::Stock, OfferProblem::TooHigh),
                value(4, Column::HandlingDays, OfferProblem::TooLow),
                value(5, Column::Price, OfferProblem::TooLow),
            ]
        );
        assert_eq!(p.rows, [], "a row with any problem is left out");
        assert_eq!(p.records, 4);
    }

    #[test]
    fn active_words() {
        let mut text = String::from("id;active\n");
        let words = [
            "yes",
            "No",
            "Y",
            "n",
            "TRUE",
            "false",
            "1",
            "0",
            "on",
            "OFF",
            "Jah",
            "EI",
            "да",
            "Нет",
            "TÕENE",
            "väär",
            "ИСТИНА",
            "ложь",
        ];
        for (i, w) in words.iter().enumerate() {
            text.push_str(&format!("{};{w}\n", i + 1));
        }
        let p = read(&text);
        assert_eq!(p.errors, []);
        let got: Vec<Option<bool>> = p.rows.iter().map(|r| r.active).collect();
        let expected: Vec<Option<bool>> = (0..words.len()).map(|i| Some(i % 2 == 0)).collect();
        assert_eq!(got, expected);
        let p = read("id;active\n1;jaa\n2;2\n3;\n");
        assert_eq!(
            p.errors,
            [
                error(2, Some(Column::Active), RowProblem::BadActive),
                error(3, Some(Column::Active), RowProblem::BadActive)
            ]
        );
        assert_eq!(p.rows, [row(4, Key::ProductId(3))], "an empty cell leaves it as it is");
    }

    #[test]
    fn eans_and_product_ids() {
        let p = read(
            "ean;id\n\
             4740000000018;\n\
             96385074;\n\
             036000291452;\n\
             10012345678902;\n\
             4740000000017;\n\
             4,74E+12;\n\
             4.74E+12;\n\
             474000000001;\n\
             4740 000000018;\n\
             ;12\n\
             ;0\n\
             ;-4\n\
             ;1.0\n\
             ;2147483648\n\
             ;2147483647\n\
             4006381333931;x\n",
        );
        let bad_ean = |line| error(line, Some(Column::Ean), RowProblem::BadEan);
        let bad_id = |line| error(line, Some(Column::ProductId), RowProblem::BadProductId);
        assert_eq!(
            p.errors,
            [
                bad_ean(6),
                bad_ean(7),
                bad_ean(8),
                bad_ean(9),
                bad_ean(10),
                bad_id(12),
                bad_id(13),
                bad_id(14),
                bad_id(15),
                bad_id(17)
            ]
        );
        assert_eq!(
            p.rows,
            [
                row(2, ean("4740000000018")),
                row(3, ean("96385074")),
                row(4, ean("036000291452")),
                row(5, ean("10012345678902")),
                row(11, Key::ProductId(12)),
                row(16, Key::ProductId(i32::MAX)),
            ]
        );
        assert!(valid_gtin(&estonian_ean(123_456_789)));
        assert!(!valid_gtin("00000000000000000"));
    }

    #[test]
    fn the_ean_wins_over_the_product_id() {
        let p = read("product_id;ean;price\n5;4740000000018;1\n5;;2\n");
        assert_eq!(
            p.rows,
            [
                Row { price_cents: Some(100), ..row(2, ean("4740000000018")) },
                Row { price_cents: Some(200), ..row(3, Key::ProductId(5)) },
            ]
        );
        // A bad EAN is not replaced by the product id (which is then no duplicate on line 3).
        let p = read("product_id;ean\n5;4740000000017\n5;\n");
        assert_eq!(p.errors, [error(2, Some(Column::Ean), RowProblem::BadEan)]);
        assert_eq!(p.rows, [row(3, Key::ProductId(5))]);
    }

    #[test]
    fn a_row_needs_a_key() {
        let p = read("ean;id;price;stock\n;;5;1\n  ; \"\" ;x;\n");
        assert_eq!(
            p.errors,
            [
                error(2, None, RowProblem::MissingKey),
                error(3, Some(Column::Price), RowProblem::Value(OfferProblem::NotANumber)),
                error(3, None, RowProblem::MissingKey),
            ]
        );
        assert_eq!(p.records, 2);
    }

    #[test]
    fn the_same_product_twice() {
        let p = read("ean;id;price\n4740000000018;;1\n;7;2\n4740000000018;;3\n;7;x\n; 7 ;4\n");
        assert_eq!(
            p.errors,
            [
                error(4, Some(Column::Ean), RowProblem::Duplicate { first_line: 2 }),
                error(5, Some(Column::Price), RowProblem::Value(OfferProblem::NotANumber)),
                error(5, Some(Column::ProductId), RowProblem::Duplicate { first_line: 3 }),
                error(6, Some(Column::ProductId), RowProblem::Duplicate { first_line: 3 }),
            ]
        );
        assert_eq!(
            p.rows,
            [
                Row { price_cents: Some(100), ..row(2, ean("4740000000018")) },
                Row { price_cents: Some(200), ..row(3, Key::ProductId(7)) }
            ]
        );
    }

    #[test]
    fn more_cells_than_columns() {
        // An unquoted decimal comma in a comma file: the price and stock slip to the right.
        let p = read("ean,price,stock\n4740000000018,12,99,4\n4006381333931,5,1\n96385074,1,2,,\n");
        assert_eq!(p.errors, [error(2, None, RowProblem::FieldCount)]);
        assert_eq!(p.rows.iter().map(|r| r.line).collect::<Vec<_>>(), [3, 4]);
        assert_eq!(p.records, 3);
        // Fewer cells are empty ones.
        let p = read("ean;price;stock\n4740000000018\n");
        assert_eq!(p.rows, [row(2, ean("4740000000018"))]);
    }

    #[test]
    fn blank_lines_and_empty_records_are_skipped() {
        let p = read("\n\n ean;price\n\n;\n  ;  \n\"\";\n4740000000018;2\n\n");
        assert_eq!(p.records, 1);
        assert_eq!(p.rows, [Row { price_cents: Some(200), ..row(8, ean("4740000000018")) }]);
        assert_eq!(p.errors, []);
    }

    #[test]
    fn excel_separator_hint() {
        // Without the hint the header's two `;` make it a `;` file, with one column "ean,title".
        assert_eq!(parse(b"ean,title;a;b\n4740000000018,x\n"), Err(FileProblem::NoKeyColumn));
        let p = read("sep=,\nean,title;a;b\n4740000000018,x\n");
        assert_eq!(p.separator, Separator::Comma);
        assert_eq!((p.columns, p.ignored), (vec![Column::Ean], vec!["title;a;b".to_string()]));
        assert_eq!(p.rows, [row(3, ean("4740000000018"))]);
        assert_eq!(
            read("\n SEP=; \nean;x,price\n4740000000018,1;3\n").errors,
            [error(4, Some(Column::Ean), RowProblem::BadEan)]
        );
        assert_eq!(parse(b"sep=;\n"), Err(FileProblem::Empty));
    }

    #[test]
    fn empty_files() {
        assert_eq!(parse(b""), Err(FileProblem::Empty));
        assert_eq!(parse(b"\xEF\xBB\xBF"), Err(FileProblem::Empty));
        assert_eq!(parse(b"\r\n \n;;\n"), Err(FileProblem::Empty));
        assert_eq!(parse(b"ean;price\n"), Err(FileProblem::Empty));
        assert_eq!(parse(b"ean;price\r\n\r\n;\r\n"), Err(FileProblem::Empty));
        assert_eq!(parse(b"ean;price"), Err(FileProblem::Empty));
    }

    #[test]
    fn unterminated_quote_names_the_line_it_opened_on() {
        assert_eq!(
            parse(b"ean;title\n4740000000018;\"ok\nstill ok\"\n4006381333931;\"never\nclosed\n"),
            Err(FileProblem::UnterminatedQuote { line: 4 })
        );
        assert_eq!(parse(b"ean;\"title\n"), Err(FileProblem::UnterminatedQuote { line: 1 }));
        assert_eq!(parse(b"ean\n\"\"\"\n"), Err(FileProblem::UnterminatedQuote { line: 2 }));
    }

    #[test]
    fn not_text() {
        assert_eq!(parse(b"PK\x03\x04\x14\x00\x06\x00"), Err(FileProblem::NotText));
        assert_eq!(parse(b"PK\x03\x04ean;price\n1;2\n"), Err(FileProblem::NotText));
        assert_eq!(parse(b"ean;price\n4740000000018;1\x00\n"), Err(FileProblem::NotText));
        // UTF-16, as Excel's "Unicode text" saves.
        assert_eq!(parse(b"\xFF\xFEe\x00a\x00n\x00"), Err(FileProblem::NotText));
        assert_eq!(decode(b"PK"), Ok((Cow::Borrowed("PK"), Encoding::Utf8)));
    }

    #[test]
    fn too_large_is_checked_first() {
        let mut bytes = vec![b'\n'; MAX_BYTES + 1];
        bytes[0] = 0;
        assert_eq!(parse(&bytes), Err(FileProblem::TooLarge));
        bytes.truncate(MAX_BYTES);
        assert_eq!(parse(&bytes), Err(FileProblem::NotText));
    }

    #[test]
    fn too_many_rows() {
        let mut text = String::with_capacity(MAX_ROWS * 10);
        text.push_str("id;stock\n");
        for id in 1..=MAX_ROWS {
            text.push_str(&format!("{id};1\n"));
        }
        let p = read(&text);
        assert_eq!((p.records as usize, p.rows.len()), (MAX_ROWS, MAX_ROWS));
        text.push_str("\n\n");
        assert_eq!(read(&text).records as usize, MAX_ROWS, "blank lines do not count");
        text.push_str(&format!("{};1\n", MAX_ROWS + 1));
        assert_eq!(parse(text.as_bytes()), Err(FileProblem::TooManyRows));
    }

    #[test]
    fn a_hundred_thousand_rows() {
        let mut text = String::from("EAN;Toote nimi;Hind;Laoseis;Aktiivne;Töötlusaeg\r\n");
        for n in 0..100_000u32 {
            let name = if n % 10 == 0 { format!("\"Toode \"\"{n}\"\"; suur\"") } else { format!("Toode {n}") };
            text.push_str(&format!(
                "{};{name};{},{:02};{};{};{}\r\n",
                estonian_ean(n),
                n % 1000,
                n % 100,
                n % 50,
                ["jah", "ei"][n as usize % 2],
                n % 31
            ));
        }
        // Two problems: a duplicate EAN and a bad price.
        text.push_str(&format!("{};x;1;1;jah;1\r\n", estonian_ean(7)));
        text.push_str(&format!("{};x;-1;1;jah;1", estonian_ean(100_000)));
        let p = read(&text);
        assert_eq!(p.records, 100_002);
        assert_eq!(p.ignored, ["Toote nimi"]);
        // The price is 0,00 (too low) when n % 1000 == 0: 100 rows.
        assert_eq!(p.rows.len(), 100_000 - 100);
        assert_eq!(p.errors.len(), 100 + 2);
        let too_low = p.errors.iter().filter(|e| e.problem == RowProblem::Value(OfferProblem::TooLow));
        assert_eq!(too_low.map(|e| e.line).collect::<Vec<_>>(), (0..100).map(|k| k * 1000 + 2).collect::<Vec<_>>());
        assert_eq!(
            p.errors[100..],
            [
                error(100_002, Some(Column::Ean), RowProblem::Duplicate { first_line: 9 }),
                error(100_003, Some(Column::Price), RowProblem::Value(OfferProblem::NotANumber)),
            ]
        );
        assert_eq!(
            p.rows[41],
            Row {
                price_cents: Some(4242),
                stock: Some(42),
                active: Some(true),
                handling_days: Some(11),
                ..row(44, Key::Ean(estonian_ean(42)))
            }
        );
    }
}
