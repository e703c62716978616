//! Finding the help articles that answer a question: BM25 over one language's articles, with
//! fields weighted (title, keywords and summary above the body), words stemmed by the
//! language's Snowball stemmer (Estonian, English, Russian, Greek, Polish), common words left
//! out, and two kinds of near matches a shopper's question needs: a typo (one edit, in longer
//! words) and an Estonian compound whose last part is the word asked for ("külmakuller" for
//! "kuller"). Pure and deterministic: the same articles and question give the same ranking.

use pagefind_stem::{Algorithm, Stemmer};
use std::collections::HashMap;

/// BM25's term-frequency saturation and length normalisation.
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// How much a near match counts against an exact one.
const TYPO_WEIGHT: f32 = 0.6;
const COMPOUND_WEIGHT: f32 = 0.5;

fn algorithm(lang: &str) -> Option<Algorithm> {
    Some(match lang {
        "et" => Algorithm::Estonian,
        "en" => Algorithm::English,
        "ru" => Algorithm::Russian,
        "el" => Algorithm::Greek,
        "pl" => Algorithm::Polish,
        _ => return None,
    })
}

/// Words too common to tell articles apart (before stemming).
fn stop_words(lang: &str) -> &'static [&'static str] {
    match lang {
        "et" => &[
            "ja", "ning", "on", "ei", "see", "mis", "kas", "kuidas", "ma", "mina", "mu", "minu", "mul", "mulle", "sa", "sinu", "te", "teie",
            "oma", "et", "kui", "või", "aga", "kus", "kes", "ka", "siis", "seda", "selle", "saan", "saab", "tahan", "soovin", "palun",
            "miks", "mida", "kuhu", "millal", "üks", "ühe", "nii", "veel", "kõik", "ole", "olen", "oli", "pole",
        ],
        "en" => &[
            "a", "an", "the", "and", "or", "is", "are", "was", "be", "to", "of", "in", "on", "for", "with", "my", "me", "i", "you", "your",
            "it", "its", "this", "that", "do", "does", "did", "can", "could", "how", "what", "where", "when", "why", "which", "who", "there",
            "please", "want", "would", "will", "at", "by", "from", "as", "if", "not", "no", "have", "has", "get", "am",
        ],
        "ru" => &[
            "и", "в", "во", "на", "не", "что", "как", "я", "мне", "меня", "мой", "моя", "мои", "моё", "моего", "моей", "мою", "ты", "вы",
            "ваш", "с", "со", "а", "но", "или", "к", "ко", "по", "за", "из", "у", "о", "об", "от", "до", "это", "этот", "эта", "ли", "же",
            "где", "когда", "почему", "можно", "могу", "хочу", "ли", "бы", "есть", "был", "была", "быть", "для", "пожалуйста", "свой",
        ],
        "el" => &["και", "να", "το", "η", "ο", "τη", "την", "της", "του", "των", "με", "σε", "για", "που", "πώς", "πως", "μου", "είναι", "θα", "τι"],
        "pl" => &["i", "w", "na", "nie", "że", "jak", "się", "mój", "moje", "moja", "mi", "mnie", "to", "z", "do", "o", "czy", "co", "jest", "a", "lub"],
        _ => &[],
    }
}

/// The question's or article's words as the index keeps them: lower-cased, split at anything
/// that is not a letter or digit, common words dropped, stemmed.
pub fn tokens(lang: &str, text: &str) -> Vec<String> {
    let stemmer = algorithm(lang).map(Stemmer::create);
    let stops = stop_words(lang);
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !stops.contains(w))
        .map(|w| match &stemmer {
            Some(s) => s.stem(w).into_owned(),
            None => w.to_owned(),
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// One document's weighted term counts and length.
struct Doc {
    tf: HashMap<String, f32>,
    len: f32,
}

/// One language's articles, ready to rank.
pub struct Index {
    lang: String,
    docs: Vec<Doc>,
    df: HashMap<String, usize>,
    avg_len: f32,
}

/// How far apart two words are, counting at most `max` + 1 (Levenshtein).
fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (mut i, mut j, mut edits) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            i += 1;
            j += 1;
            continue;
        }
        edits += 1;
        if edits > 1 {
            return false;
        }
        match a.len().cmp(&b.len()) {
            std::cmp::Ordering::Greater => i += 1,
            std::cmp::Ordering::Less => j += 1,
            std::cmp::Ordering::Equal => {
                // A swap of two neighbours counts as one edit.
                if i + 1 < a.len() && j + 1 < b.len() && a[i] == b[j + 1] && a[i + 1] == b[j] {
                    i += 1;
                    j += 1;
                }
                i += 1;
                j += 1;
            }
        }
    }
    edits + (a.len() - i) + (b.len() - j) <= 1
}

impl Index {
    /// Indexes `docs`, each a list of (text, weight) fields, in the language `lang`.
    pub fn build(lang: &str, docs: &[Vec<(&str, f32)>]) -> Index {
        let mut out = Vec::with_capacity(docs.len());
        let mut df: HashMap<String, usize> = HashMap::new();
        for fields in docs {
            let mut tf: HashMap<String, f32> = HashMap::new();
            let mut len = 0.0;
            for (text, weight) in fields {
                for t in tokens(lang, text) {
                    *tf.entry(t).or_default() += weight;
                    len += weight;
                }
            }
            for t in tf.keys() {
                *df.entry(t.clone()).or_default() += 1;
            }
            out.push(Doc { tf, len });
        }
        let avg_len = if out.is_empty() { 1.0 } else { out.iter().map(|d| d.len).sum::<f32>() / out.len() as f32 };
        Index { lang: lang.to_owned(), docs: out, df, avg_len: avg_len.max(1.0) }
    }

    /// The index's terms a query word stands for, each with how much it counts: itself when
    /// the articles use it; else words one typo away (in words of 5 letters or more) and
    /// compounds ending in it (4 letters or more).
    fn expand(&self, word: &str) -> Vec<(&str, f32)> {
        if let Some((t, _)) = self.df.get_key_value(word) {
            return vec![(t.as_str(), 1.0)];
        }
        let n = word.chars().count();
        let mut out = Vec::new();
        for t in self.df.keys() {
            if n >= 5 && within_one_edit(word, t) {
                out.push((t.as_str(), TYPO_WEIGHT));
            } else if n >= 4 && t.chars().count() > n + 2 && t.ends_with(word) {
                out.push((t.as_str(), COMPOUND_WEIGHT));
            }
        }
        out.sort_by(|a, b| a.0.cmp(b.0));
        out
    }

    fn idf(&self, term: &str) -> f32 {
        let n = self.docs.len() as f32;
        let df = self.df.get(term).copied().unwrap_or(0) as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// The documents that match `query`, best first: (document index, score); ties keep the
    /// documents' order.
    pub fn search(&self, query: &str) -> Vec<(usize, f32)> {
        let mut words = tokens(&self.lang, query);
        words.sort();
        words.dedup();
        let terms: Vec<(&str, f32)> = words.iter().flat_map(|w| self.expand(w)).collect();
        let mut scores: Vec<(usize, f32)> = self
            .docs
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let score = terms
                    .iter()
                    .map(|(t, weight)| {
                        let tf = d.tf.get(*t).copied().unwrap_or(0.0);
                        if tf == 0.0 {
                            return 0.0;
                        }
                        weight * self.idf(t) * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * d.len / self.avg_len))
                    })
                    .sum::<f32>();
                (i, score)
            })
            .filter(|(_, s)| *s > 0.0)
            .collect();
        scores.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        scores
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_stemmed_per_language_and_common_ones_dropped() {
        assert_eq!(tokens("en", "How do I cancel my orders?"), vec!["cancel", "order"]);
        assert_eq!(tokens("ru", "Как мне отменить заказы?").len(), 2, "как and мне are dropped");
        let et = tokens("et", "Kuidas ma tellimuse tühistan");
        assert_eq!(et.len(), 2, "{et:?}");
        assert_eq!(tokens("et", "tellimuse")[0], tokens("et", "tellimused")[0], "one stem for the forms of tellimus");
        assert_eq!(tokens("ru", "заказа")[0], tokens("ru", "заказы")[0]);
    }

    #[test]
    fn one_typo_is_one_edit() {
        assert!(within_one_edit("cancel", "cancle"));
        assert!(within_one_edit("parcel", "parcels"));
        assert!(within_one_edit("tellimus", "telimus"));
        assert!(!within_one_edit("cancel", "candle"), "two edits");
        assert!(!within_one_edit("pay", "payment"));
    }

    #[test]
    fn ranks_by_bm25_with_title_above_body() {
        let docs = vec![
            vec![("Cancel an order", 3.0), ("Open the order and cancel the shipment before it is shipped.", 1.0)],
            vec![("Delivery and the cold courier", 3.0), ("The cold courier comes on Tuesdays and Fridays. Orders can be cancelled.", 1.0)],
            vec![("Forgot password", 3.0), ("Enter your e-mail and the code we send.", 1.0)],
        ];
        let index = Index::build("en", &docs);
        let hits = index.search("how can I cancel my order?");
        assert_eq!(hits[0].0, 0);
        assert!(hits[0].1 > hits.get(1).map_or(0.0, |h| h.1));
        assert_eq!(index.search("cold courrier")[0].0, 1, "a typo still finds it");
        assert_eq!(index.search("pasword")[0].0, 2);
        assert!(index.search("the and of").is_empty(), "common words alone match nothing");
        let et = Index::build("et", &[vec![("Külmakuller", 3.0)], vec![("Parool", 3.0)]]);
        assert_eq!(et.search("kuller")[0].0, 0, "a compound's last part");
    }
}
