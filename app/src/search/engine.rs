//! Product search engine core: an in-RAM tantivy index over product texts in
//! Estonian, English and Russian.
//!
//! The index is a cache derived from the database: the caller feeds it
//! [`SearchDoc`]s through [`SearchEngine::upsert`] / [`SearchEngine::remove`] and
//! queries it with [`SearchEngine::search`] and [`SearchEngine::suggest`]. This
//! module knows nothing about the database or Leptos.
//!
//! * Text is analysed with `SimpleTokenizer` + `RemoveLongFilter` + `LowerCaser` +
//!   `AsciiFoldingFilter` (registered as [`TOKENIZER`]), so "sokolaad" finds
//!   "Šokolaad" and "KOHV" finds "kohv"; Cyrillic is only lower-cased.
//! * A query is AND across its tokens (falling back to OR when the AND finds no
//!   document at all); each token matches exactly on every text field, fuzzily
//!   (Levenshtein 1 for 4–7 chars, 2 for 8+) on titles and brand, and the last
//!   token also as a prefix on titles and brand (search as you type).
//! * Filters and facets are computed in one pass by a custom collector reading fast
//!   fields, with disjunctive facet semantics: a document counts towards facet X
//!   when it passes every filter except X's own.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::index::SegmentId;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EnableScoring, FuzzyTermQuery, Occur, Query, TermQuery,
};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, FAST, INDEXED,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, TokenStream,
};
use tantivy::{
    DocAddress, DocId, DocSet, Index, IndexReader, IndexWriter, ReloadPolicy, Score, Searcher,
    SegmentReader, TantivyDocument, Term, TERMINATED,
};

/// Name under which the text analyser is registered in the index.
pub const TOKENIZER: &str = "turg";

/// Total indexing memory budget, split between the writer's worker threads.
const WRITER_BUDGET_BYTES: usize = 96 * 1024 * 1024;
/// Tokens longer than this (in UTF-8 bytes) are dropped, at index and query time.
const MAX_TOKEN_BYTES: usize = 64;
/// A query is cut to its first distinct tokens; bounds the cost of fuzzy automata.
const MAX_QUERY_TOKENS: usize = 8;
/// The last token of a search query is also matched as a prefix from this length.
const MIN_SEARCH_PREFIX_CHARS: usize = 2;
/// Lower edges (cents) of the price buckets after the first one (which starts at 0).
const PRICE_BUCKET_EDGES: [i64; 6] = [500, 1_000, 2_000, 5_000, 10_000, 20_000];
const NUM_PRICE_BUCKETS: usize = PRICE_BUCKET_EDGES.len() + 1;

// Boosts. Exact matches are BM25-scored; fuzzy and prefix matches score a constant
// equal to their boost, kept below a typical exact title score.
const BOOST_TITLE_LANG: Score = 4.0;
const BOOST_TITLE_OTHER: Score = 2.0;
const BOOST_BRAND: Score = 3.0;
const BOOST_CATEGORY: Score = 1.5;
const BOOST_BODY: Score = 1.0;
const BOOST_FUZZY_TITLE_LANG: Score = 1.0;
const BOOST_FUZZY_TITLE_OTHER: Score = 0.5;
const BOOST_FUZZY_BRAND: Score = 0.75;
const BOOST_PREFIX_TITLE_LANG: Score = 1.5;
const BOOST_PREFIX_TITLE_OTHER: Score = 0.75;
const BOOST_PREFIX_BRAND: Score = 1.0;
const BOOST_SUGGEST_FUZZY_PREFIX: Score = 0.5;

// Fast field names (read by the collector).
const F_PRODUCT_ID: &str = "product_id";
const F_BRAND_KEY: &str = "brand_key";
const F_LEAF_CATEGORY: &str = "leaf_category";
const F_CATEGORY_PATH: &str = "category_path";
const F_SELLERS: &str = "seller_ids";
const F_PRICE: &str = "min_price_cents";
const F_IN_STOCK: &str = "in_stock";
const F_POPULARITY: &str = "popularity";
const F_CREATED_AT: &str = "created_at";

/// One product as the index sees it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchDoc {
    pub product_id: i32,
    /// Titles in et, en, ru.
    pub titles: [String; 3],
    /// Description + attribute values, per language.
    pub bodies: [String; 3],
    /// Names of leaf + parent categories per language, space-joined.
    pub category_names: [String; 3],
    pub brand: String,
    /// Leaf first, then ancestors.
    pub category_path: Vec<i32>,
    /// Sellers with a buyable offer.
    pub seller_ids: Vec<i32>,
    /// Lowest buyable price; `None` = no buyable offer.
    pub min_price_cents: Option<i64>,
    pub in_stock: bool,
    /// E.g. offer count; tie-break and empty-query browsing order.
    pub popularity: i64,
    /// Unix seconds.
    pub created_at: i64,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SearchSort {
    /// Score desc (popularity desc for an empty query), then popularity desc, product id asc.
    #[default]
    Relevance,
    /// Lowest price first; products without a price last.
    PriceAsc,
    /// Highest price first; products without a price last.
    PriceDesc,
    /// `created_at` desc.
    Newest,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchRequest {
    pub q: String,
    /// 0 et, 1 en, 2 ru: boosts that language's title. Out of range = et.
    pub lang: usize,
    /// Matches any id in `category_path`.
    pub category: Option<i32>,
    /// Exact brand; an empty string means no brand filter.
    pub brand: Option<String>,
    pub price_min_cents: Option<i64>,
    /// Inclusive.
    pub price_max_cents: Option<i64>,
    pub seller: Option<i32>,
    pub in_stock_only: bool,
    pub sort: SearchSort,
    pub offset: usize,
    pub limit: usize,
}

impl Default for SearchRequest {
    /// An empty browse request for the first page of 20.
    fn default() -> Self {
        SearchRequest {
            q: String::new(),
            lang: 0,
            category: None,
            brand: None,
            price_min_cents: None,
            price_max_cents: None,
            seller: None,
            in_stock_only: false,
            sort: SearchSort::Relevance,
            offset: 0,
            limit: 20,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchHits {
    /// Number of documents matching the query and every filter.
    pub total: usize,
    /// The requested page, in order.
    pub product_ids: Vec<i32>,
    pub facets: Facets,
    /// True when the query had tokens, something was found, but no exact (or
    /// prefix) term matched: the hits come from fuzzy matching only.
    pub corrected: bool,
}

/// Facet counts. Each facet ignores its own filter (disjunctive faceting).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    /// (leaf category id, count), count desc then id asc.
    pub categories: Vec<(i32, usize)>,
    /// (brand, count), count desc then brand asc. Products without a brand are not counted.
    pub brands: Vec<(String, usize)>,
    /// (seller id, count), count desc then id asc.
    pub sellers: Vec<(i32, usize)>,
    /// Always all seven buckets in ascending price order (counts may be 0).
    /// Products without a price are in no bucket.
    pub price_buckets: Vec<PriceBucket>,
    /// In-stock products passing every filter except `in_stock_only`.
    pub in_stock: usize,
}

/// A price range `[min_cents, max_cents)`. Note that [`SearchRequest::price_max_cents`]
/// is inclusive: to filter on a bucket use `price_max_cents = max_cents - 1`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PriceBucket {
    pub min_cents: i64,
    /// `None` = and above.
    pub max_cents: Option<i64>,
    pub count: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub product_id: i32,
    /// In the requested language (another language's title if that one is empty).
    pub title: String,
}

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
}

#[derive(Clone, Copy)]
struct Fields {
    product_id: Field,
    titles: [Field; 3],
    brand: Field,
    brand_key: Field,
    categories: Field,
    body: Field,
    leaf_category: Field,
    category_path: Field,
    sellers: Field,
    price: Field,
    in_stock: Field,
    popularity: Field,
    created_at: Field,
}

/// The search index. `Send + Sync`: share it behind an `Arc`.
pub struct SearchEngine {
    reader: IndexReader,
    writer: Mutex<IndexWriter<TantivyDocument>>,
    fields: Fields,
    /// Every segment's seller lists in plain arrays, made at a segment's first search.
    sellers: Mutex<HashMap<SegmentId, Arc<SegmentSellers>>>,
}

/// The seller ids of every document of one segment: `ids[starts[doc]..starts[doc + 1]]`.
/// A search matching 100,000 products reads a million of them for the seller facet; through
/// the column (a dynamic call per value) that was a quarter of the search's time. Segments
/// never change once written, so neither does this; about 4 bytes per offer. The default (no
/// lists) has no sellers for any document.
#[derive(Default)]
struct SegmentSellers {
    starts: Vec<u32>,
    ids: Vec<u32>,
}

impl SegmentSellers {
    fn read(reader: &SegmentReader) -> tantivy::Result<Self> {
        let max_doc = reader.max_doc();
        let Some(column) = reader.fast_fields().column_opt::<u64>(F_SELLERS)? else {
            return Ok(SegmentSellers { starts: vec![0; max_doc as usize + 1], ids: Vec::new() });
        };
        let mut starts = Vec::with_capacity(max_doc as usize + 1);
        let mut ids = Vec::with_capacity(column.values.num_vals() as usize);
        for doc in 0..max_doc {
            starts.push(ids.len() as u32);
            // Ids were indexed from i32 values: they fit.
            ids.extend(column.values_for_doc(doc).map(|v| v as u32));
        }
        starts.push(ids.len() as u32);
        Ok(SegmentSellers { starts, ids })
    }

    #[inline]
    fn of(&self, doc: DocId) -> &[u32] {
        let doc = doc as usize;
        self.starts.get(doc..doc + 2).map_or(&[], |r| &self.ids[r[0] as usize..r[1] as usize])
    }
}

impl SearchEngine {
    /// An empty in-RAM index with the [`TOKENIZER`] analyser registered.
    pub fn new() -> Result<Self, SearchError> {
        let mut sb = Schema::builder();
        let text = |stored: bool| {
            let opts = TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(TOKENIZER)
                    .set_index_option(IndexRecordOption::WithFreqs),
            );
            if stored {
                opts.set_stored()
            } else {
                opts
            }
        };
        let fields = Fields {
            product_id: sb.add_i64_field(F_PRODUCT_ID, INDEXED | FAST),
            titles: [
                sb.add_text_field("title_et", text(true)),
                sb.add_text_field("title_en", text(true)),
                sb.add_text_field("title_ru", text(true)),
            ],
            brand: sb.add_text_field("brand", text(false)),
            brand_key: sb.add_text_field(F_BRAND_KEY, TextOptions::default().set_fast("raw")),
            categories: sb.add_text_field("category_names", text(false)),
            body: sb.add_text_field("body", text(false)),
            // Ids as u64: a u64 column is read without the i64 column's extra mapping layer,
            // and the facets read these for every document a search matches.
            leaf_category: sb.add_u64_field(F_LEAF_CATEGORY, FAST),
            category_path: sb.add_u64_field(F_CATEGORY_PATH, FAST),
            sellers: sb.add_u64_field(F_SELLERS, FAST),
            price: sb.add_i64_field(F_PRICE, FAST),
            in_stock: sb.add_bool_field(F_IN_STOCK, FAST),
            popularity: sb.add_i64_field(F_POPULARITY, FAST),
            created_at: sb.add_i64_field(F_CREATED_AT, FAST),
        };
        let index = Index::create_in_ram(sb.build());
        index.tokenizers().register(TOKENIZER, analyzer());
        let writer = index.writer(WRITER_BUDGET_BYTES)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchEngine {
            reader,
            writer: Mutex::new(writer),
            fields,
            sellers: Mutex::new(HashMap::new()),
        })
    }

    /// Adds or replaces documents (by `product_id`), then commits and reloads the
    /// reader so that the next search sees them. One commit per call: batch bulk loads.
    pub fn upsert(&self, docs: impl IntoIterator<Item = SearchDoc>) -> Result<(), SearchError> {
        let mut writer = self.lock_writer();
        let mut any = false;
        for doc in docs {
            any = true;
            writer.delete_term(self.product_term(doc.product_id));
            if let Err(err) = writer.add_document(self.to_document(&doc)) {
                // Drop the half-applied batch; the error is what matters to the caller.
                let _ = writer.rollback();
                return Err(err.into());
            }
        }
        if any {
            self.commit(&mut writer)?;
        }
        Ok(())
    }

    /// Removes documents by product id (unknown ids are ignored).
    pub fn remove(&self, product_ids: &[i32]) -> Result<(), SearchError> {
        if product_ids.is_empty() {
            return Ok(());
        }
        let mut writer = self.lock_writer();
        for &id in product_ids {
            writer.delete_term(self.product_term(id));
        }
        self.commit(&mut writer)
    }

    /// Number of live documents.
    pub fn len(&self) -> usize {
        self.reader.searcher().num_docs() as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Full-text search with filters, facets, sorting and paging.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchHits, SearchError> {
        let searcher = self.reader.searcher();
        let lang = lang_index(req.lang);
        let top_k = req.offset.saturating_add(req.limit);
        let collector = HitsCollector {
            filters: Filters::from_request(req),
            sort: req.sort,
            top_k,
            facets: true,
            sellers: self.segment_sellers(&searcher)?,
        };
        let tokens = tokenize(&req.q);
        let (fruit, corrected) = if tokens.is_empty() {
            (searcher.search(&AllQuery, &collector)?, false)
        } else {
            let mut conjunctive = true;
            let query = self.text_query(&tokens, lang, conjunctive, true);
            let mut fruit = searcher.search(&*query, &collector)?;
            if fruit.matched == 0 && tokens.len() > 1 {
                conjunctive = false;
                let query = self.text_query(&tokens, lang, conjunctive, true);
                fruit = searcher.search(&*query, &collector)?;
            }
            let corrected = fruit.matched > 0
                && !matches_any(&searcher, &*self.text_query(&tokens, lang, conjunctive, false))?;
            (fruit, corrected)
        };
        Ok(SearchHits {
            total: fruit.total,
            product_ids: fruit
                .top
                .iter()
                .skip(req.offset)
                .map(|hit| hit.key.product_id)
                .collect(),
            facets: fruit.facets.finish(),
            corrected,
        })
    }

    /// Search-as-you-type suggestions: the last token of `prefix` matches as a
    /// prefix, earlier ones exactly or fuzzily. Titles in every language are
    /// searched, the requested language's most strongly; the title returned is
    /// in the requested language. Ordered by score, then popularity.
    pub fn suggest(
        &self,
        prefix: &str,
        lang: usize,
        limit: usize,
    ) -> Result<Vec<Suggestion>, SearchError> {
        let tokens = tokenize(prefix);
        if tokens.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let lang = lang_index(lang);
        let searcher = self.reader.searcher();
        let clauses = tokens
            .iter()
            .enumerate()
            .map(|(i, token)| {
                let group = self.suggest_group(token, lang, i + 1 == tokens.len());
                (Occur::Must, group)
            })
            .collect();
        let query = BooleanQuery::new(clauses);
        let collector = HitsCollector {
            filters: Filters::default(),
            sort: SearchSort::Relevance,
            top_k: limit,
            facets: false,
            // Suggestions neither filter nor count by seller.
            sellers: Vec::new(),
        };
        let fruit = searcher.search(&query, &collector)?;
        fruit
            .top
            .iter()
            .map(|hit| {
                Ok(Suggestion {
                    product_id: hit.key.product_id,
                    title: self.stored_title(&searcher, hit.doc, lang)?,
                })
            })
            .collect()
    }

    /// The seller lists of the searcher's segments, in segment order; the lists of segments
    /// gone (merged, or replaced by a commit) are dropped.
    fn segment_sellers(&self, searcher: &Searcher) -> tantivy::Result<Vec<Arc<SegmentSellers>>> {
        let mut cache = self.sellers.lock().unwrap_or_else(PoisonError::into_inner);
        let readers = searcher.segment_readers();
        cache.retain(|id, _| readers.iter().any(|r| r.segment_id() == *id));
        readers
            .iter()
            .map(|reader| {
                if let Some(lists) = cache.get(&reader.segment_id()) {
                    return Ok(Arc::clone(lists));
                }
                let lists = Arc::new(SegmentSellers::read(reader)?);
                cache.insert(reader.segment_id(), Arc::clone(&lists));
                Ok(lists)
            })
            .collect()
    }

    fn lock_writer(&self) -> MutexGuard<'_, IndexWriter<TantivyDocument>> {
        // A panic while holding the lock leaves at worst uncommitted operations,
        // which the next commit (or rollback on error) settles.
        self.writer.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn commit(&self, writer: &mut IndexWriter<TantivyDocument>) -> Result<(), SearchError> {
        if let Err(err) = writer.commit() {
            let _ = writer.rollback();
            return Err(err.into());
        }
        self.reader.reload()?;
        Ok(())
    }

    fn product_term(&self, product_id: i32) -> Term {
        Term::from_field_i64(self.fields.product_id, i64::from(product_id))
    }

    fn to_document(&self, d: &SearchDoc) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = TantivyDocument::new();
        doc.add_i64(f.product_id, i64::from(d.product_id));
        for (field, title) in f.titles.iter().zip(&d.titles) {
            doc.add_text(*field, title);
        }
        for body in &d.bodies {
            doc.add_text(f.body, body);
        }
        for names in &d.category_names {
            doc.add_text(f.categories, names);
        }
        let brand = d.brand.trim();
        if !brand.is_empty() {
            doc.add_text(f.brand, brand);
            doc.add_text(f.brand_key, brand);
        }
        // Database ids are positive; a negative one could not be filtered for anyway.
        if let Some(leaf) = d.category_path.first().and_then(|&c| u64::try_from(c).ok()) {
            doc.add_u64(f.leaf_category, leaf);
        }
        for c in d.category_path.iter().filter_map(|&c| u64::try_from(c).ok()) {
            doc.add_u64(f.category_path, c);
        }
        let mut sellers = d.seller_ids.clone();
        sellers.sort_unstable();
        sellers.dedup();
        for s in sellers {
            if let Ok(s) = u64::try_from(s) {
                doc.add_u64(f.sellers, s);
            }
        }
        if let Some(price) = d.min_price_cents {
            doc.add_i64(f.price, price);
        }
        doc.add_bool(f.in_stock, d.in_stock);
        doc.add_i64(f.popularity, d.popularity);
        doc.add_i64(f.created_at, d.created_at);
        doc
    }

    /// AND (or OR) over the tokens' clause groups.
    fn text_query(
        &self,
        tokens: &[String],
        lang: usize,
        conjunctive: bool,
        with_fuzzy: bool,
    ) -> Box<dyn Query> {
        let occur = if conjunctive {
            Occur::Must
        } else {
            Occur::Should
        };
        let clauses = tokens
            .iter()
            .enumerate()
            .map(|(i, token)| {
                let last = i + 1 == tokens.len();
                (occur, self.search_group(token, lang, last, with_fuzzy))
            })
            .collect();
        Box::new(BooleanQuery::new(clauses))
    }

    /// Everything one search token may match (a disjunction).
    fn search_group(
        &self,
        token: &str,
        lang: usize,
        last: bool,
        with_fuzzy: bool,
    ) -> Box<dyn Query> {
        let f = &self.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::with_capacity(16);
        for (i, &title) in f.titles.iter().enumerate() {
            let boost = if i == lang {
                BOOST_TITLE_LANG
            } else {
                BOOST_TITLE_OTHER
            };
            clauses.push(should(exact(title, token), boost));
        }
        clauses.push(should(exact(f.brand, token), BOOST_BRAND));
        clauses.push(should(exact(f.categories, token), BOOST_CATEGORY));
        clauses.push(should(exact(f.body, token), BOOST_BODY));
        let distance = fuzzy_distance(token);
        if with_fuzzy && distance > 0 {
            for (i, &title) in f.titles.iter().enumerate() {
                let boost = if i == lang {
                    BOOST_FUZZY_TITLE_LANG
                } else {
                    BOOST_FUZZY_TITLE_OTHER
                };
                clauses.push(should(fuzzy(title, token, distance), boost));
            }
            clauses.push(should(fuzzy(f.brand, token, distance), BOOST_FUZZY_BRAND));
        }
        if last && token.chars().count() >= MIN_SEARCH_PREFIX_CHARS {
            for (i, &title) in f.titles.iter().enumerate() {
                let boost = if i == lang {
                    BOOST_PREFIX_TITLE_LANG
                } else {
                    BOOST_PREFIX_TITLE_OTHER
                };
                clauses.push(should(prefix(title, token, 0), boost));
            }
            clauses.push(should(prefix(f.brand, token, 0), BOOST_PREFIX_BRAND));
        }
        Box::new(BooleanQuery::new(clauses))
    }

    /// Everything one suggest token may match: titles only.
    fn suggest_group(&self, token: &str, lang: usize, last: bool) -> Box<dyn Query> {
        let f = &self.fields;
        let distance = fuzzy_distance(token);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::with_capacity(12);
        for (i, &title) in f.titles.iter().enumerate() {
            let own = i == lang;
            let pick =
                |lang_boost: Score, other_boost: Score| if own { lang_boost } else { other_boost };
            clauses.push(should(
                exact(title, token),
                pick(BOOST_TITLE_LANG, BOOST_TITLE_OTHER),
            ));
            if last {
                clauses.push(should(
                    prefix(title, token, 0),
                    pick(BOOST_PREFIX_TITLE_LANG, BOOST_PREFIX_TITLE_OTHER),
                ));
                if distance > 0 {
                    // Typo while typing: "shok" -> "šokolaad".
                    clauses.push(should(
                        prefix(title, token, 1),
                        pick(BOOST_SUGGEST_FUZZY_PREFIX, BOOST_SUGGEST_FUZZY_PREFIX / 2.0),
                    ));
                }
            } else if distance > 0 {
                clauses.push(should(
                    fuzzy(title, token, distance),
                    pick(BOOST_FUZZY_TITLE_LANG, BOOST_FUZZY_TITLE_OTHER),
                ));
            }
        }
        Box::new(BooleanQuery::new(clauses))
    }

    fn stored_title(
        &self,
        searcher: &Searcher,
        addr: DocAddress,
        lang: usize,
    ) -> Result<String, SearchError> {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let title = |field: Field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .filter(|s| !s.trim().is_empty())
                .map(str::to_owned)
        };
        let f = &self.fields;
        Ok(title(f.titles[lang])
            .or_else(|| f.titles.iter().find_map(|&field| title(field)))
            .unwrap_or_default())
    }
}

fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// The distinct tokens of `text` as the index analyser produces them, in order,
/// at most [`MAX_QUERY_TOKENS`].
fn tokenize(text: &str) -> Vec<String> {
    let mut analyzer = analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut tokens: Vec<String> = Vec::new();
    while let Some(token) = stream.next() {
        if !tokens.contains(&token.text) {
            tokens.push(token.text.clone());
            if tokens.len() == MAX_QUERY_TOKENS {
                break;
            }
        }
    }
    tokens
}

fn lang_index(lang: usize) -> usize {
    if lang < 3 {
        lang
    } else {
        0
    }
}

/// Levenshtein distance allowed for a (normalised) token: none below 4 chars or
/// for numbers, 1 for 4–7 chars, 2 for 8+.
fn fuzzy_distance(token: &str) -> u8 {
    if token.chars().all(|c| c.is_ascii_digit()) {
        return 0;
    }
    match token.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Whether any live document matches `query`. Stops at the first one, where `Query::count`
/// walks every match (a common word matches hundreds of thousands at a million products).
fn matches_any(searcher: &Searcher, query: &dyn Query) -> tantivy::Result<bool> {
    let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
    for reader in searcher.segment_readers() {
        let mut scorer = weight.scorer(reader, 1.0)?;
        let alive = reader.alive_bitset();
        let mut doc = scorer.doc();
        while doc != TERMINATED {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                return Ok(true);
            }
            doc = scorer.advance();
        }
    }
    Ok(false)
}

fn should(query: Box<dyn Query>, boost: Score) -> (Occur, Box<dyn Query>) {
    (Occur::Should, Box::new(BoostQuery::new(query, boost)))
}

fn exact(field: Field, token: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, token),
        IndexRecordOption::WithFreqs,
    ))
}

fn fuzzy(field: Field, token: &str, distance: u8) -> Box<dyn Query> {
    Box::new(FuzzyTermQuery::new(
        Term::from_field_text(field, token),
        distance,
        true,
    ))
}

/// Terms starting with `token` (up to `distance` edits in the prefix).
fn prefix(field: Field, token: &str, distance: u8) -> Box<dyn Query> {
    Box::new(FuzzyTermQuery::new_prefix(
        Term::from_field_text(field, token),
        distance,
        true,
    ))
}

fn price_bucket(price: i64) -> usize {
    PRICE_BUCKET_EDGES
        .iter()
        .position(|&edge| price < edge)
        .unwrap_or(PRICE_BUCKET_EDGES.len())
}

// ---------------------------------------------------------------------------
// Collector: filters, disjunctive facets and top-k in one pass.
// ---------------------------------------------------------------------------

#[derive(Clone, Debug, Default)]
struct Filters {
    category: Option<u64>,
    brand: Option<String>,
    /// Inclusive bounds; set when either bound of the request is.
    price: Option<(i64, i64)>,
    seller: Option<u64>,
    in_stock_only: bool,
}

impl Filters {
    fn from_request(req: &SearchRequest) -> Self {
        let price = (req.price_min_cents.is_some() || req.price_max_cents.is_some()).then(|| {
            (
                req.price_min_cents.unwrap_or(i64::MIN),
                req.price_max_cents.unwrap_or(i64::MAX),
            )
        });
        Filters {
            // A negative id is no id: it matches nothing.
            category: req.category.map(|c| u64::try_from(c).unwrap_or(u64::MAX)),
            brand: req
                .brand
                .as_deref()
                .map(str::trim)
                .filter(|b| !b.is_empty())
                .map(str::to_owned),
            price,
            seller: req.seller.map(|s| u64::try_from(s).unwrap_or(u64::MAX)),
            in_stock_only: req.in_stock_only,
        }
    }
}

// One bit per filter a document failed.
const FAIL_CATEGORY: u8 = 1;
const FAIL_BRAND: u8 = 2;
const FAIL_PRICE: u8 = 4;
const FAIL_SELLER: u8 = 8;
const FAIL_STOCK: u8 = 16;

/// Sort key; `Less` = ranked earlier.
#[derive(Clone, Copy, Debug)]
struct SortKey {
    /// Ascending; 0 for relevance, the price, minus the price, minus created_at.
    primary: i64,
    /// Descending.
    score: Score,
    /// Descending.
    popularity: i64,
    /// Ascending.
    product_id: i32,
}

impl Ord for SortKey {
    fn cmp(&self, other: &Self) -> Ordering {
        self.primary
            .cmp(&other.primary)
            .then_with(|| other.score.total_cmp(&self.score))
            .then_with(|| other.popularity.cmp(&self.popularity))
            .then_with(|| self.product_id.cmp(&other.product_id))
    }
}

impl PartialOrd for SortKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for SortKey {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for SortKey {}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Hit {
    key: SortKey,
    doc: DocAddress,
}

impl Ord for Hit {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key
            .cmp(&other.key)
            .then_with(|| self.doc.cmp(&other.doc))
    }
}

impl PartialOrd for Hit {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Counts per small non-negative key (database ids, dictionary ordinals) in a plain array, which
/// is what a facet over a few hundred thousand matching documents needs: hashing every value
/// cost more than the rest of the search. Keys beyond [`DenseCounts::MAX_DENSE`] (never seen in
/// practice; ids are sequences) go to a map.
#[derive(Debug, Default)]
struct DenseCounts {
    dense: Vec<u32>,
    sparse: HashMap<i64, usize>,
}

impl DenseCounts {
    const MAX_DENSE: i64 = 1 << 20;

    #[inline]
    fn add(&mut self, key: i64) {
        if (0..Self::MAX_DENSE).contains(&key) {
            let i = key as usize;
            if i >= self.dense.len() {
                self.dense.resize((i + 1).next_power_of_two(), 0);
            }
            self.dense[i] += 1;
        } else {
            *self.sparse.entry(key).or_default() += 1;
        }
    }

    /// The keys counted at least once, with their counts.
    fn counted(self) -> impl Iterator<Item = (i64, usize)> {
        let dense = self.dense.into_iter().enumerate().filter(|&(_, n)| n > 0).map(|(k, n)| (k as i64, n as usize));
        dense.chain(self.sparse)
    }
}

#[derive(Debug, Default)]
struct RawFacets {
    categories: HashMap<i64, usize>,
    brands: HashMap<String, usize>,
    sellers: HashMap<i64, usize>,
    price_buckets: [usize; NUM_PRICE_BUCKETS],
    in_stock: usize,
}

impl RawFacets {
    fn merge(&mut self, other: RawFacets) {
        for (k, n) in other.categories {
            *self.categories.entry(k).or_default() += n;
        }
        for (k, n) in other.brands {
            *self.brands.entry(k).or_default() += n;
        }
        for (k, n) in other.sellers {
            *self.sellers.entry(k).or_default() += n;
        }
        for (mine, theirs) in self.price_buckets.iter_mut().zip(other.price_buckets) {
            *mine += theirs;
        }
        self.in_stock += other.in_stock;
    }

    fn finish(self) -> Facets {
        fn sorted<K: Ord>(counts: impl IntoIterator<Item = (K, usize)>) -> Vec<(K, usize)> {
            let mut v: Vec<(K, usize)> = counts.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v
        }
        // Ids were indexed from i32 values, so the narrowing is lossless.
        let ids = |m: HashMap<i64, usize>| sorted(m.into_iter().map(|(k, n)| (k as i32, n)));
        let price_buckets = self
            .price_buckets
            .iter()
            .enumerate()
            .map(|(i, &count)| PriceBucket {
                min_cents: if i == 0 { 0 } else { PRICE_BUCKET_EDGES[i - 1] },
                max_cents: PRICE_BUCKET_EDGES.get(i).copied(),
                count,
            })
            .collect();
        Facets {
            categories: ids(self.categories),
            brands: sorted(self.brands),
            sellers: ids(self.sellers),
            price_buckets,
            in_stock: self.in_stock,
        }
    }
}

struct HitsFruit {
    /// Documents matching the text query, before filters.
    matched: usize,
    /// Documents matching the text query and all filters.
    total: usize,
    /// Best `top_k` hits, sorted.
    top: Vec<Hit>,
    facets: RawFacets,
}

struct HitsCollector {
    filters: Filters,
    sort: SearchSort,
    top_k: usize,
    facets: bool,
    /// Per segment ordinal; empty when the search neither filters nor counts by seller.
    sellers: Vec<Arc<SegmentSellers>>,
}

enum BrandFilter {
    Any,
    /// The brand's term ordinal in this segment's `brand_key` column.
    Ord(u64),
    /// The brand does not occur in this segment.
    Absent,
}

struct Columns {
    product_id: Column<i64>,
    leaf_category: Column<u64>,
    category_path: Column<u64>,
    price: Column<i64>,
    in_stock: Column<bool>,
    popularity: Column<i64>,
    created_at: Column<i64>,
    brand: Option<StrColumn>,
}

impl Columns {
    fn open(reader: &SegmentReader) -> tantivy::Result<Self> {
        let ff = reader.fast_fields();
        let max_doc = reader.max_doc();
        // A column may be missing from a segment where no document has a value.
        let i64_col = |name: &str| -> tantivy::Result<Column<i64>> {
            Ok(ff
                .column_opt::<i64>(name)?
                .unwrap_or_else(|| Column::build_empty_column(max_doc)))
        };
        let u64_col = |name: &str| -> tantivy::Result<Column<u64>> {
            Ok(ff
                .column_opt::<u64>(name)?
                .unwrap_or_else(|| Column::build_empty_column(max_doc)))
        };
        Ok(Columns {
            product_id: i64_col(F_PRODUCT_ID)?,
            leaf_category: u64_col(F_LEAF_CATEGORY)?,
            category_path: u64_col(F_CATEGORY_PATH)?,
            price: i64_col(F_PRICE)?,
            in_stock: ff
                .column_opt::<bool>(F_IN_STOCK)?
                .unwrap_or_else(|| Column::build_empty_column(max_doc)),
            popularity: i64_col(F_POPULARITY)?,
            created_at: i64_col(F_CREATED_AT)?,
            brand: ff.str(F_BRAND_KEY)?,
        })
    }
}

struct HitsSegmentCollector {
    segment_ord: u32,
    cols: Columns,
    filters: Filters,
    brand_filter: BrandFilter,
    sort: SearchSort,
    top_k: usize,
    facets: bool,
    matched: usize,
    total: usize,
    heap: BinaryHeap<Hit>,
    categories: DenseCounts,
    brand_ords: DenseCounts,
    sellers: DenseCounts,
    seller_lists: Arc<SegmentSellers>,
    price_buckets: [usize; NUM_PRICE_BUCKETS],
    in_stock: usize,
}

impl Collector for HitsCollector {
    type Fruit = HitsFruit;
    type Child = HitsSegmentCollector;

    fn for_segment(
        &self,
        segment_ord: u32,
        reader: &SegmentReader,
    ) -> tantivy::Result<HitsSegmentCollector> {
        let cols = Columns::open(reader)?;
        let brand_filter = match (&self.filters.brand, &cols.brand) {
            (None, _) => BrandFilter::Any,
            (Some(_), None) => BrandFilter::Absent,
            (Some(brand), Some(col)) => match col.dictionary().term_ord(brand.as_bytes())? {
                Some(ord) => BrandFilter::Ord(ord),
                None => BrandFilter::Absent,
            },
        };
        Ok(HitsSegmentCollector {
            segment_ord,
            cols,
            filters: self.filters.clone(),
            brand_filter,
            sort: self.sort,
            top_k: self.top_k,
            facets: self.facets,
            matched: 0,
            total: 0,
            heap: BinaryHeap::with_capacity(self.top_k.min(1024)),
            categories: DenseCounts::default(),
            brand_ords: DenseCounts::default(),
            sellers: DenseCounts::default(),
            seller_lists: self.sellers.get(segment_ord as usize).cloned().unwrap_or_default(),
            price_buckets: [0; NUM_PRICE_BUCKETS],
            in_stock: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<HitsFruit>) -> tantivy::Result<HitsFruit> {
        let mut merged = HitsFruit {
            matched: 0,
            total: 0,
            top: Vec::new(),
            facets: RawFacets::default(),
        };
        for fruit in fruits {
            merged.matched += fruit.matched;
            merged.total += fruit.total;
            merged.top.extend(fruit.top);
            merged.facets.merge(fruit.facets);
        }
        merged.top.sort_unstable();
        merged.top.truncate(self.top_k);
        Ok(merged)
    }
}

impl SegmentCollector for HitsSegmentCollector {
    type Fruit = HitsFruit;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.matched += 1;
        let cols = &self.cols;
        let price = cols.price.first(doc);
        let in_stock = cols.in_stock.first(doc).unwrap_or(false);
        let brand_ord = cols.brand.as_ref().and_then(|b| b.term_ords(doc).next());

        let mut failed = 0u8;
        if let Some(category) = self.filters.category {
            if !cols
                .category_path
                .values_for_doc(doc)
                .any(|c| c == category)
            {
                failed |= FAIL_CATEGORY;
            }
        }
        match self.brand_filter {
            BrandFilter::Any => {}
            BrandFilter::Ord(ord) => {
                if brand_ord != Some(ord) {
                    failed |= FAIL_BRAND;
                }
            }
            BrandFilter::Absent => failed |= FAIL_BRAND,
        }
        if let Some((lo, hi)) = self.filters.price {
            if !matches!(price, Some(p) if lo <= p && p <= hi) {
                failed |= FAIL_PRICE;
            }
        }
        if let Some(seller) = self.filters.seller {
            if !self.seller_lists.of(doc).iter().any(|&s| u64::from(s) == seller) {
                failed |= FAIL_SELLER;
            }
        }
        if self.filters.in_stock_only && !in_stock {
            failed |= FAIL_STOCK;
        }
        // Failing two filters excludes the document from every facet too.
        if failed.count_ones() > 1 {
            return;
        }

        if self.facets {
            let counts_for = |own: u8| failed == 0 || failed == own;
            if counts_for(FAIL_CATEGORY) {
                if let Some(leaf) = cols.leaf_category.first(doc) {
                    // Ids were indexed from i32 values: the conversion is lossless.
                    self.categories.add(leaf as i64);
                }
            }
            if counts_for(FAIL_BRAND) {
                if let Some(ord) = brand_ord {
                    // Dictionary ordinals are below the segment's term count (< 2^40).
                    self.brand_ords.add(ord as i64);
                }
            }
            if counts_for(FAIL_PRICE) {
                if let Some(p) = price {
                    self.price_buckets[price_bucket(p)] += 1;
                }
            }
            if counts_for(FAIL_SELLER) {
                for &seller in self.seller_lists.of(doc) {
                    self.sellers.add(i64::from(seller));
                }
            }
            if counts_for(FAIL_STOCK) && in_stock {
                self.in_stock += 1;
            }
        }

        if failed != 0 {
            return;
        }
        self.total += 1;
        if self.top_k == 0 {
            return;
        }
        let primary = match self.sort {
            SearchSort::Relevance => 0,
            SearchSort::PriceAsc => price.unwrap_or(i64::MAX),
            SearchSort::PriceDesc => price.map_or(i64::MAX, i64::saturating_neg),
            SearchSort::Newest => cols
                .created_at
                .first(doc)
                .map_or(i64::MAX, i64::saturating_neg),
        };
        // A full heap whose worst hit ranks before this one on (primary, score) already: the
        // tie-breakers need not be read (most documents of a large result end here).
        if self.heap.len() == self.top_k {
            if let Some(worst) = self.heap.peek() {
                let ahead = worst.key.primary.cmp(&primary).then_with(|| score.total_cmp(&worst.key.score));
                if ahead == Ordering::Less {
                    return;
                }
            }
        }
        let hit = Hit {
            key: SortKey {
                primary,
                score,
                popularity: cols.popularity.first(doc).unwrap_or(0),
                // Ids were indexed from i32 values, so the narrowing is lossless.
                product_id: cols.product_id.first(doc).unwrap_or_default() as i32,
            },
            doc: DocAddress::new(self.segment_ord, doc),
        };
        if self.heap.len() < self.top_k {
            self.heap.push(hit);
        } else if let Some(mut worst) = self.heap.peek_mut() {
            if hit < *worst {
                *worst = hit;
            }
        }
    }

    fn harvest(self) -> HitsFruit {
        let mut brands = HashMap::new();
        if let Some(col) = &self.cols.brand {
            let mut name = String::new();
            for (ord, n) in self.brand_ords.counted() {
                let ord = ord as u64;
                name.clear();
                // An unreadable dictionary entry only loses that facet value.
                if let Ok(true) = col.ord_to_str(ord, &mut name) {
                    *brands.entry(name.clone()).or_default() += n;
                }
            }
        }
        HitsFruit {
            matched: self.matched,
            total: self.total,
            top: self.heap.into_sorted_vec(),
            facets: RawFacets {
                categories: self.categories.counted().collect(),
                brands,
                sellers: self.sellers.counted().collect(),
                price_buckets: self.price_buckets,
                in_stock: self.in_stock,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    // Category ids: 1 = groceries (parent), 10 dairy, 20 breakfast, 30 sweets.
    const GROCERIES: i32 = 1;
    const DAIRY: i32 = 10;
    const BREAKFAST: i32 = 20;
    const SWEETS: i32 = 30;

    fn category_names(leaf: i32) -> [String; 3] {
        let (et, en, ru) = match leaf {
            DAIRY => ("Piimatooted", "Dairy", "Молочные продукты"),
            BREAKFAST => ("Hommikusöök", "Breakfast", "Завтрак"),
            _ => ("Maiustused", "Sweets", "Сладости"),
        };
        [
            format!("{et} Toidukaubad"),
            format!("{en} Groceries"),
            format!("{ru} Продукты"),
        ]
    }

    #[allow(clippy::too_many_arguments)]
    fn product(
        id: i32,
        titles: [&str; 3],
        brand: &str,
        leaf: i32,
        sellers: &[i32],
        price: Option<i64>,
        in_stock: bool,
        popularity: i64,
        created_at: i64,
    ) -> SearchDoc {
        SearchDoc {
            product_id: id,
            titles: titles.map(str::to_owned),
            bodies: [
                format!("Tootja {brand}"),
                format!("Made by {brand}"),
                format!("Производитель {brand}"),
            ],
            category_names: category_names(leaf),
            brand: brand.to_owned(),
            category_path: vec![leaf, GROCERIES],
            seller_ids: sellers.to_vec(),
            min_price_cents: price,
            in_stock,
            popularity,
            created_at,
        }
    }

    #[rustfmt::skip]
    fn catalog() -> Vec<SearchDoc> {
        vec![
            product(1, ["Piim 2,5%", "Milk 2.5%", "Молоко 2,5%"], "Alma", DAIRY, &[100, 101], Some(129), true, 10, 1_000),
            product(2, ["Piim 3,5%", "Milk 3.5%", "Молоко 3,5%"], "Farmi", DAIRY, &[101], Some(149), true, 8, 1_100),
            product(3, ["Kefiir", "Kefir", "Кефир"], "Alma", DAIRY, &[100], Some(99), true, 5, 1_200),
            product(4, ["Kaerahelbed", "Oat flakes", "Овсяные хлопья"], "Balsnack", BREAKFAST, &[102], Some(189), true, 7, 1_300),
            product(5, ["Kaerahelbed kiirkeedu", "Quick oat flakes", "Овсяные хлопья быстрые"], "Veski Mati", BREAKFAST, &[100, 102], Some(229), true, 3, 1_400),
            product(6, ["Šokolaad piimaga", "Milk chocolate", "Молочный шоколад"], "Kalev", SWEETS, &[101, 103], Some(259), true, 12, 1_500),
            product(7, ["Tume šokolaad", "Dark chocolate", "Тёмный шоколад"], "Kalev", SWEETS, &[103], Some(299), false, 6, 1_600),
            product(8, ["Kohvioad", "Coffee beans", "Кофе в зёрнах"], "Paulig", BREAKFAST, &[102], Some(1_299), true, 9, 1_700),
            product(9, ["Jahvatatud kohv", "Ground coffee", "Молотый кофе"], "Paulig", BREAKFAST, &[100], Some(649), true, 4, 1_800),
            product(10, ["Müsli", "Muesli", "Мюсли"], "Balsnack", BREAKFAST, &[101], Some(349), true, 2, 1_900),
            product(11, ["Kommikarp", "Box of sweets", "Коробка конфет"], "Kalev", SWEETS, &[103], Some(2_599), true, 1, 2_000),
            product(12, ["Piimapulber", "Milk powder", "Сухое молоко"], "Valio", DAIRY, &[], None, false, 0, 2_100),
            product(13, ["Kohvimasin", "Coffee machine", "Кофемашина"], "Philips", BREAKFAST, &[104], Some(25_999), true, 3, 2_200),
            product(14, ["Mahe salsa", "Mild salsa", "Мягкая сальса"], "Santa Maria", SWEETS, &[104], Some(450), true, 1, 2_300),
        ]
    }

    fn engine() -> SearchEngine {
        let engine = SearchEngine::new().unwrap();
        engine.upsert(catalog()).unwrap();
        engine
    }

    fn req(q: &str) -> SearchRequest {
        SearchRequest {
            q: q.to_owned(),
            limit: 100,
            ..SearchRequest::default()
        }
    }

    fn ids(engine: &SearchEngine, r: &SearchRequest) -> Vec<i32> {
        engine.search(r).unwrap().product_ids
    }

    fn sorted(mut v: Vec<i32>) -> Vec<i32> {
        v.sort_unstable();
        v
    }

    #[test]
    fn engine_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<SearchEngine>();
        let e = engine();
        assert_eq!(e.len(), 14);
        assert!(!e.is_empty());
    }

    #[test]
    fn dense_counts_count_every_key_once_each_time() {
        let mut c = DenseCounts::default();
        for key in [3, 0, 3, 70_000, -5, DenseCounts::MAX_DENSE, 3, -5] {
            c.add(key);
        }
        let mut counted: Vec<(i64, usize)> = c.counted().collect();
        counted.sort_unstable();
        assert_eq!(
            counted,
            vec![(-5, 2), (0, 1), (3, 3), (70_000, 1), (DenseCounts::MAX_DENSE, 1)]
        );
        assert_eq!(DenseCounts::default().counted().count(), 0);
    }

    #[test]
    fn seller_lists_follow_every_commit() {
        let e = engine();
        let by_seller = |e: &SearchEngine, seller: i32| {
            sorted(ids(e, &SearchRequest { seller: Some(seller), ..req("") }))
        };
        assert_eq!(by_seller(&e, 555), Vec::<i32>::new());
        // Product 4 moves from seller 102 to 555 (a new segment; the old document deleted).
        let moved = product(4, ["Kaerahelbed", "Oat flakes", "Овсяные хлопья"], "Balsnack", BREAKFAST, &[555], Some(189), true, 7, 1_300);
        e.upsert([moved]).unwrap();
        assert_eq!(by_seller(&e, 555), vec![4]);
        assert!(!by_seller(&e, 102).contains(&4));
        let facets = e.search(&req("")).unwrap().facets;
        assert!(facets.sellers.contains(&(555, 1)), "{:?}", facets.sellers);
        e.remove(&[4]).unwrap();
        assert_eq!(by_seller(&e, 555), Vec::<i32>::new());
        assert!(!e.search(&req("")).unwrap().facets.sellers.iter().any(|&(s, _)| s == 555));
    }

    #[test]
    fn matches_any_skips_deleted_documents() {
        let e = engine();
        let searcher = e.reader.searcher();
        let exact_only = |q: &str| e.text_query(&tokenize(q), 0, true, false);
        assert!(matches_any(&searcher, &*exact_only("kaerahelbed")).unwrap());
        assert!(!matches_any(&searcher, &*exact_only("kaerahelbd")).unwrap());
        // Products 4 and 5 are the only oat flakes: once removed, nothing matches any more.
        e.remove(&[4, 5]).unwrap();
        let searcher = e.reader.searcher();
        assert!(!matches_any(&searcher, &*exact_only("kaerahelbed")).unwrap());
    }

    #[test]
    fn analyzer_folds_and_lowercases() {
        assert_eq!(
            tokenize("Šokolaad PIIMAGA, Kohv!"),
            vec!["sokolaad", "piimaga", "kohv"]
        );
        assert_eq!(tokenize("Тёмный ШОКОЛАД"), vec!["тёмный", "шоколад"]);
        assert_eq!(tokenize("piim piim"), vec!["piim"]);
        assert!(tokenize(" ,.% ").is_empty());
        assert_eq!(fuzzy_distance("piin"), 1);
        assert_eq!(fuzzy_distance("kaerahelbde"), 2);
        assert_eq!(fuzzy_distance("tee"), 0);
        assert_eq!(fuzzy_distance("2500"), 0);
    }

    #[test]
    fn exact_match_ranks_above_fuzzy() {
        let e = engine();
        let mut r = req("milk");
        r.lang = 1;
        let hits = e.search(&r).unwrap();
        // "mild" (14) is one edit from "milk": found, but after every exact match.
        assert_eq!(hits.product_ids.len(), 5, "{:?}", hits.product_ids);
        assert_eq!(*hits.product_ids.last().unwrap(), 14);
        assert_eq!(sorted(hits.product_ids[..4].to_vec()), vec![1, 2, 6, 12]);
        assert!(!hits.corrected);
    }

    #[test]
    fn misspelt_words_are_found_and_flagged_corrected() {
        let e = engine();
        let hits = e.search(&req("piin")).unwrap();
        assert_eq!(sorted(hits.product_ids.clone()), vec![1, 2]);
        assert!(hits.corrected);

        let hits = e.search(&req("kaerahelbde")).unwrap();
        assert_eq!(hits.product_ids, vec![4, 5]);
        assert!(hits.corrected);

        let mut r = req("молако");
        r.lang = 2;
        let hits = e.search(&r).unwrap();
        assert_eq!(sorted(hits.product_ids.clone()), vec![1, 2, 12]);
        assert!(hits.corrected);

        // 9 chars: two edits allowed ("shokolaad" -> "sokolaad" is one).
        let hits = e.search(&req("shokolaad")).unwrap();
        assert_eq!(sorted(hits.product_ids), vec![6, 7]);

        // Short tokens get no fuzziness: "pim" is not "piim" (nor a prefix of anything).
        assert_eq!(e.search(&req("pim")).unwrap().total, 0);
    }

    #[test]
    fn ascii_folding_and_case() {
        let e = engine();
        let hits = e.search(&req("sokolaad")).unwrap();
        assert_eq!(sorted(hits.product_ids.clone()), vec![6, 7]);
        assert!(!hits.corrected, "folded exact match is not a correction");
        // Exact "kohv" (9) first, then the prefix matches by popularity.
        assert_eq!(ids(&e, &req("KOHV")), vec![9, 8, 13]);
        assert_eq!(ids(&e, &req("musli")), vec![10]);
        assert_eq!(ids(&e, &req("ТЁМНЫЙ")), vec![7]);
    }

    #[test]
    fn tokens_are_anded_with_or_fallback() {
        let e = engine();
        // AND: only the dark chocolate has both words.
        assert_eq!(ids(&e, &req("tume šokolaad")), vec![7]);
        // Cross-field AND: brand + title.
        assert_eq!(ids(&e, &req("kalev kommikarp")), vec![11]);
        // No product has both "piim" and "kohv*": fall back to OR.
        let hits = e.search(&req("piim kohv")).unwrap();
        assert!(!hits.corrected);
        let found = sorted(hits.product_ids);
        for id in [1, 2, 8, 9, 13] {
            assert!(found.contains(&id), "{id} missing from {found:?}");
        }
        assert!(!found.contains(&3));
        // Nothing at all matches: empty.
        let hits = e.search(&req("xyzzy qwerty")).unwrap();
        assert_eq!(hits.total, 0);
        assert!(hits.product_ids.is_empty());
        assert!(!hits.corrected);
    }

    #[test]
    fn last_token_matches_as_prefix() {
        let e = engine();
        assert_eq!(ids(&e, &req("kaer")), vec![4, 5]);
        assert_eq!(ids(&e, &req("kaerahelbed kiir")), vec![5]);
        // Only the last token is a prefix: as an AND query "kaer kiirkeedu" matches
        // nothing (the search then falls back to OR), "kiirkeedu kaer" matches 5.
        let searcher = e.reader.searcher();
        let and_count = |q: &str| {
            e.text_query(&tokenize(q), 0, true, true)
                .count(&searcher)
                .unwrap()
        };
        assert_eq!(and_count("kaer kiirkeedu"), 0);
        assert_eq!(and_count("kiirkeedu kaer"), 1);
        assert_eq!(ids(&e, &req("kaer kiirkeedu")), vec![5]);
        // Single-letter last tokens are not expanded in search.
        assert_eq!(e.search(&req("k")).unwrap().total, 0);
        // Brand prefix.
        assert_eq!(sorted(ids(&e, &req("paul"))), vec![8, 9]);
    }

    #[test]
    fn request_language_title_is_boosted() {
        let e = engine();
        // "кофе" is an exact word of 8's and 9's ru titles and a prefix of 13's.
        let mut r = req("кофе");
        r.lang = 2;
        let hits = ids(&e, &r);
        assert_eq!(sorted(hits[..2].to_vec()), vec![8, 9]);
        assert_eq!(hits[2], 13);
        // Cross-language: an English word still finds products when browsing in et.
        assert_eq!(sorted(ids(&e, &req("coffee"))), vec![8, 9, 13]);
        // The requested language's title outweighs the others: "salsa" is in all
        // three titles of 14, "mild" only in the en one. With lang=en the exact
        // "mild" title match (x4) beats the "milk" fuzzy/other-language matches.
        let score = |q: &str, lang: usize, id: i32| {
            let searcher = e.reader.searcher();
            let query = e.text_query(&tokenize(q), lang, true, true);
            let top = searcher
                .search(
                    &*query,
                    &HitsCollector {
                        filters: Filters::default(),
                        sort: SearchSort::Relevance,
                        top_k: 100,
                        facets: false,
                        sellers: e.segment_sellers(&searcher).unwrap(),
                    },
                )
                .unwrap()
                .top;
            top.iter()
                .find(|h| h.key.product_id == id)
                .unwrap()
                .key
                .score
        };
        assert!(score("mild", 1, 14) > score("mild", 0, 14));
        assert!(score("kefiir", 0, 3) > score("kefiir", 1, 3));
    }

    #[test]
    fn sorts() {
        let e = engine();
        // Empty query + relevance = popularity desc, then id asc (4 and 13... ties).
        let browse = ids(&e, &req(""));
        assert_eq!(browse, vec![6, 1, 8, 2, 4, 7, 3, 9, 5, 13, 10, 11, 14, 12]);

        let mut r = req("");
        r.sort = SearchSort::PriceAsc;
        let asc = ids(&e, &r);
        assert_eq!(asc, vec![3, 1, 2, 4, 5, 6, 7, 10, 14, 9, 8, 11, 13, 12]);

        r.sort = SearchSort::PriceDesc;
        let desc = ids(&e, &r);
        assert_eq!(desc, vec![13, 11, 8, 9, 14, 10, 7, 6, 5, 4, 2, 1, 3, 12]);

        r.sort = SearchSort::Newest;
        assert_eq!(ids(&e, &r), (1..=14).rev().collect::<Vec<_>>());

        // Sorting applies to text queries too.
        let mut r = req("kalev");
        r.sort = SearchSort::PriceDesc;
        assert_eq!(ids(&e, &r), vec![11, 7, 6]);
        r.sort = SearchSort::PriceAsc;
        assert_eq!(ids(&e, &r), vec![6, 7, 11]);
    }

    #[test]
    fn equal_keys_tie_break_deterministically() {
        let e = SearchEngine::new().unwrap();
        let docs = (1..=5).rev().map(|id| {
            product(
                id,
                ["Sai", "Bread", "Хлеб"],
                "Leibur",
                BREAKFAST,
                &[1],
                Some(100),
                true,
                1,
                10,
            )
        });
        e.upsert(docs).unwrap();
        for sort in [
            SearchSort::Relevance,
            SearchSort::PriceAsc,
            SearchSort::PriceDesc,
            SearchSort::Newest,
        ] {
            let mut r = req("sai");
            r.sort = sort;
            assert_eq!(ids(&e, &r), vec![1, 2, 3, 4, 5], "{sort:?}");
        }
    }

    #[test]
    fn filters() {
        let e = engine();
        let mut r = req("");
        r.category = Some(DAIRY);
        assert_eq!(sorted(ids(&e, &r)), vec![1, 2, 3, 12]);
        r.category = Some(GROCERIES); // an ancestor matches too
        assert_eq!(e.search(&r).unwrap().total, 14);

        let mut r = req("");
        r.brand = Some("Kalev".into());
        assert_eq!(sorted(ids(&e, &r)), vec![6, 7, 11]);
        r.brand = Some("kalev".into()); // exact: case matters
        assert_eq!(e.search(&r).unwrap().total, 0);
        r.brand = Some("Veski Mati".into());
        assert_eq!(ids(&e, &r), vec![5]);
        r.brand = Some(String::new()); // empty = no filter
        assert_eq!(e.search(&r).unwrap().total, 14);

        let mut r = req("");
        r.price_min_cents = Some(129);
        r.price_max_cents = Some(189); // inclusive at both ends
        assert_eq!(sorted(ids(&e, &r)), vec![1, 2, 4]);
        r.price_min_cents = None;
        r.price_max_cents = Some(128);
        assert_eq!(ids(&e, &r), vec![3]);
        r.price_min_cents = Some(20_000);
        r.price_max_cents = None; // the unpriced product 12 never passes a price filter
        assert_eq!(ids(&e, &r), vec![13]);

        let mut r = req("");
        r.seller = Some(103);
        assert_eq!(sorted(ids(&e, &r)), vec![6, 7, 11]);
        r.seller = Some(999);
        assert_eq!(e.search(&r).unwrap().total, 0);

        let mut r = req("šokolaad");
        r.in_stock_only = true;
        assert_eq!(ids(&e, &r), vec![6]);
        let mut r = req("");
        r.in_stock_only = true;
        let hits = e.search(&r).unwrap();
        assert_eq!(hits.total, 12);
        assert!(!hits.product_ids.contains(&7) && !hits.product_ids.contains(&12));

        // Filters combine with AND and with the text query.
        let mut r = req("kohv");
        r.seller = Some(100);
        r.category = Some(BREAKFAST);
        assert_eq!(ids(&e, &r), vec![9]);
    }

    #[test]
    fn facets_are_disjunctive() {
        let e = engine();
        let mut r = req("");
        r.brand = Some("Kalev".into());
        let hits = e.search(&r).unwrap();
        assert_eq!(hits.total, 3);
        let f = &hits.facets;
        // Brand facet ignores the brand filter: every brand is still listed.
        assert_eq!(
            f.brands,
            vec![
                ("Kalev".to_string(), 3),
                ("Alma".to_string(), 2),
                ("Balsnack".to_string(), 2),
                ("Paulig".to_string(), 2),
                ("Farmi".to_string(), 1),
                ("Philips".to_string(), 1),
                ("Santa Maria".to_string(), 1),
                ("Valio".to_string(), 1),
                ("Veski Mati".to_string(), 1),
            ]
        );
        // Other facets are restricted by the brand filter.
        assert_eq!(f.categories, vec![(SWEETS, 3)]);
        assert_eq!(f.sellers, vec![(103, 3), (101, 1)]);
        assert_eq!(f.in_stock, 2);

        // Two filters: each facet applies the other one.
        r.in_stock_only = true;
        let hits = e.search(&r).unwrap();
        assert_eq!(sorted(hits.product_ids.clone()), vec![6, 11]);
        let f = &hits.facets;
        assert_eq!(
            f.in_stock, 2,
            "in_stock facet ignores in_stock_only but applies brand"
        );
        assert_eq!(
            f.brands.iter().find(|(b, _)| b == "Kalev"),
            Some(&("Kalev".to_string(), 2))
        );
        assert!(
            !f.brands.iter().any(|(b, _)| b == "Valio"),
            "Valio is out of stock"
        );
        assert_eq!(
            f.brands.iter().find(|(b, _)| b == "Alma"),
            Some(&("Alma".to_string(), 2))
        );
        assert_eq!(f.sellers, vec![(103, 2), (101, 1)]);

        // Category facet counts leaf categories; seller facet with a seller filter.
        let mut r = req("");
        r.seller = Some(100);
        let hits = e.search(&r).unwrap();
        assert_eq!(sorted(hits.product_ids.clone()), vec![1, 3, 5, 9]);
        // Equal counts: ascending key.
        assert_eq!(hits.facets.categories, vec![(DAIRY, 2), (BREAKFAST, 2)]);
        assert_eq!(
            hits.facets.sellers,
            vec![(100, 4), (101, 4), (102, 3), (103, 3), (104, 2)]
        );
    }

    #[test]
    fn price_buckets() {
        let e = engine();
        let hits = e.search(&req("")).unwrap();
        let counts: Vec<(i64, Option<i64>, usize)> = hits
            .facets
            .price_buckets
            .iter()
            .map(|b| (b.min_cents, b.max_cents, b.count))
            .collect();
        assert_eq!(
            counts,
            vec![
                (0, Some(500), 9),
                (500, Some(1_000), 1),
                (1_000, Some(2_000), 1),
                (2_000, Some(5_000), 1),
                (5_000, Some(10_000), 0),
                (10_000, Some(20_000), 0),
                (20_000, None, 1),
            ]
        );
        // The price facet ignores the price filter, but not the others.
        let mut r = req("");
        r.price_min_cents = Some(500);
        r.price_max_cents = Some(999);
        r.category = Some(BREAKFAST);
        let hits = e.search(&r).unwrap();
        assert_eq!(hits.product_ids, vec![9]);
        let counts: Vec<usize> = hits.facets.price_buckets.iter().map(|b| b.count).collect();
        assert_eq!(counts, vec![3, 1, 1, 0, 0, 0, 1]);
        assert_eq!(price_bucket(499), 0);
        assert_eq!(price_bucket(500), 1);
        assert_eq!(price_bucket(1_000_000), 6);
    }

    #[test]
    fn paging() {
        let e = engine();
        let all = ids(&e, &req(""));
        let mut r = req("");
        r.limit = 5;
        let first = e.search(&r).unwrap();
        assert_eq!(first.total, 14);
        assert_eq!(first.product_ids, all[..5]);
        r.offset = 5;
        let second = e.search(&r).unwrap();
        assert_eq!(second.total, 14);
        assert_eq!(second.product_ids, all[5..10]);
        r.offset = 10;
        assert_eq!(e.search(&r).unwrap().product_ids, all[10..]);
        r.offset = 100;
        let past = e.search(&r).unwrap();
        assert!(past.product_ids.is_empty());
        assert_eq!(past.total, 14);
        // limit 0: facets and total only.
        let mut r = req("piim");
        r.limit = 0;
        let hits = e.search(&r).unwrap();
        assert!(hits.product_ids.is_empty());
        assert_eq!(hits.total, 4);
        assert_eq!(hits.facets.categories, vec![(DAIRY, 3), (SWEETS, 1)]);
        // Huge offset does not overflow.
        r.offset = usize::MAX;
        r.limit = 10;
        assert!(e.search(&r).unwrap().product_ids.is_empty());
    }

    #[test]
    fn upsert_replaces_and_remove_deletes() {
        let e = engine();
        let mut kefir = catalog().into_iter().find(|d| d.product_id == 3).unwrap();
        kefir.min_price_cents = Some(30_000);
        kefir.titles = ["Jogurt".into(), "Yoghurt".into(), "Йогурт".into()];
        e.upsert([kefir]).unwrap();
        assert_eq!(e.len(), 14, "replaced, not duplicated");
        let mut r = req("");
        r.sort = SearchSort::PriceDesc;
        assert_eq!(ids(&e, &r)[0], 3);
        assert!(ids(&e, &req("kefiir")).is_empty());
        assert_eq!(ids(&e, &req("jogurt")), vec![3]);

        // The same id twice in one batch: the last one wins.
        let mut a = catalog().into_iter().find(|d| d.product_id == 4).unwrap();
        let mut b = a.clone();
        a.titles[0] = "Esimene".into();
        b.titles[0] = "Teine".into();
        e.upsert([a, b]).unwrap();
        assert_eq!(e.len(), 14);
        assert!(ids(&e, &req("esimene")).is_empty());
        assert_eq!(ids(&e, &req("teine")), vec![4]);

        e.remove(&[3, 999]).unwrap();
        assert_eq!(e.len(), 13);
        assert!(ids(&e, &req("jogurt")).is_empty());
        assert!(!ids(&e, &req("")).contains(&3));
        e.remove(&[]).unwrap();
        e.upsert(Vec::new()).unwrap();
        assert_eq!(e.len(), 13);
    }

    #[test]
    fn suggestions() {
        let e = engine();
        let s = e.suggest("kaer", 0, 10).unwrap();
        assert_eq!(
            s,
            vec![
                Suggestion {
                    product_id: 4,
                    title: "Kaerahelbed".into()
                },
                Suggestion {
                    product_id: 5,
                    title: "Kaerahelbed kiirkeedu".into()
                },
            ]
        );
        // Title in the requested language; "milk ch": exact "milk" + prefix "ch".
        let s = e.suggest("milk ch", 1, 10).unwrap();
        assert_eq!(
            s,
            vec![Suggestion {
                product_id: 6,
                title: "Milk chocolate".into()
            }]
        );
        let s = e.suggest("мол", 2, 10).unwrap();
        // "Молоко…", "Молочный шоколад", "Молотый кофе", "Сухое молоко".
        assert_eq!(
            sorted(s.iter().map(|s| s.product_id).collect()),
            vec![1, 2, 6, 9, 12]
        );
        assert!(
            s.iter().all(|s| s.title.to_lowercase().contains("мол")),
            "{s:?}"
        );
        // Limit and popularity order among equal scores.
        let s = e.suggest("мол", 2, 2).unwrap();
        assert_eq!(
            s.iter().map(|s| s.product_id).collect::<Vec<_>>(),
            vec![6, 1]
        );
        // Typo in the prefix.
        let s = e.suggest("shok", 0, 10).unwrap();
        assert_eq!(sorted(s.iter().map(|s| s.product_id).collect()), vec![6, 7]);
        assert!(e.suggest("", 0, 10).unwrap().is_empty());
        assert!(e.suggest("  ", 0, 10).unwrap().is_empty());
        assert!(e.suggest("kaer", 0, 0).unwrap().is_empty());
    }

    #[test]
    fn empty_query_browses_everything() {
        let e = engine();
        let hits = e.search(&req("")).unwrap();
        assert_eq!(hits.total, 14);
        assert_eq!(hits.product_ids.len(), 14);
        assert_eq!(hits.product_ids[0], 6, "most popular first");
        assert!(!hits.corrected);
        assert_eq!(hits.facets.in_stock, 12);
        assert_eq!(
            hits.facets.categories,
            vec![(BREAKFAST, 6), (DAIRY, 4), (SWEETS, 4)]
        );
        // Punctuation-only queries browse too.
        assert_eq!(e.search(&req("%,.")).unwrap().total, 14);
    }

    fn synthetic(n: i32) -> Vec<SearchDoc> {
        const WORDS: [&str; 16] = [
            "piim",
            "leib",
            "sai",
            "juust",
            "kohv",
            "tee",
            "šokolaad",
            "mahl",
            "vesi",
            "õun",
            "kartul",
            "porgand",
            "kana",
            "sealiha",
            "kala",
            "jogurt",
        ];
        (0..n)
            .map(|i| {
                let w = |k: i32| WORDS[((i / k) % 16) as usize];
                let title = format!("{} {} {}", w(1), w(16), i);
                SearchDoc {
                    product_id: i,
                    titles: [title.clone(), format!("{title} en"), format!("{title} ru")],
                    bodies: [
                        format!("Kirjeldus {} {} {}", w(3), w(7), w(11)),
                        format!("Description {} {}", w(5), w(13)),
                        format!("Описание {}", w(2)),
                    ],
                    category_names: category_names(10 + 10 * (i % 3)),
                    brand: format!("Brand{}", i % 50),
                    category_path: vec![100 + i % 40, 10 + 10 * (i % 3), 1],
                    seller_ids: vec![i % 30, (i * 7) % 30],
                    min_price_cents: (i % 10 != 0).then_some(i64::from(i % 30_000)),
                    in_stock: i % 7 != 0,
                    popularity: i64::from(i % 100),
                    created_at: i64::from(i),
                }
            })
            .collect()
    }

    /// Timing run: `cargo test --release -- --ignored --nocapture bulk`.
    #[test]
    #[ignore = "timing; run explicitly in release mode"]
    fn bulk_upsert_20k() {
        let e = SearchEngine::new().unwrap();
        let docs = synthetic(20_000);
        let t = Instant::now();
        e.upsert(docs).unwrap();
        let indexed = t.elapsed();
        assert_eq!(e.len(), 20_000);

        let queries = ["piim", "sokolaad juust", "kartul", "porgnd", "kohv tee", ""];
        let mut r = SearchRequest {
            limit: 24,
            ..SearchRequest::default()
        };
        let t = Instant::now();
        let rounds = 20;
        for _ in 0..rounds {
            for q in queries {
                r.q = q.to_owned();
                let hits = e.search(&r).unwrap();
                assert!(hits.total > 0, "{q}");
            }
        }
        let per_query = t.elapsed() / (rounds * queries.len() as u32);

        r.q = "piim".into();
        r.brand = Some("Brand7".into());
        r.in_stock_only = true;
        r.sort = SearchSort::PriceAsc;
        let t = Instant::now();
        let hits = e.search(&r).unwrap();
        let filtered = t.elapsed();
        assert!(hits.total > 0);
        assert_eq!(hits.facets.brands.len(), 50);

        let t = Instant::now();
        let s = e.suggest("kar", 0, 8).unwrap();
        let suggest = t.elapsed();
        assert_eq!(s.len(), 8);

        // Re-upserting everything replaces rather than duplicates.
        let t = Instant::now();
        e.upsert(synthetic(20_000)).unwrap();
        let reindexed = t.elapsed();
        assert_eq!(e.len(), 20_000);
        println!(
            "20k docs: index {indexed:?}, re-upsert {reindexed:?}; mean query {per_query:?}; \
             filtered+sorted {filtered:?}; suggest {suggest:?}"
        );
    }
}
