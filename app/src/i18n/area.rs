//! The seller's and administrators' texts (`locales/*/area_*.toml`, see `build.rs`). Shoppers
//! never see those pages, so their texts are not compiled into the WASM every first visit
//! downloads: the server sends them with the pages that use them ([`WithAreaTexts`], through
//! the page's hydration data or one server function call), and the browser keeps one copy per
//! language for the rest of the visit.

use super::{AreaTexts, Lang};
use serde::{de::Error, Deserialize, Deserializer, Serialize, Serializer};

/// One language's area texts, as they cross: the language's code, then every text in key order.
#[derive(Clone, Copy, Debug)]
pub struct AreaTextsRef {
    pub lang: Lang,
    pub texts: &'static AreaTexts,
}

impl AreaTextsRef {
    #[cfg(feature = "ssr")]
    pub fn of(lang: Lang) -> AreaTextsRef {
        let texts = match lang {
            Lang::Et => &super::AREA_ET,
            Lang::En => &super::AREA_EN,
            Lang::Ru => &super::AREA_RU,
        };
        AreaTextsRef { lang, texts }
    }
}

impl Serialize for AreaTextsRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut all = Vec::with_capacity(AreaTexts::LEN + 1);
        all.push(self.lang.code());
        all.extend(self.texts.all());
        all.serialize(s)
    }
}

impl<'de> Deserialize<'de> for AreaTextsRef {
    /// The texts live for the rest of the visit: read once per language, then the kept copy.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<AreaTextsRef, D::Error> {
        let mut all: Vec<String> = Vec::deserialize(d)?;
        if all.len() != AreaTexts::LEN + 1 {
            return Err(D::Error::invalid_length(all.len(), &"the language and every area text"));
        }
        let lang = Lang::from_code(&all.remove(0)).ok_or_else(|| D::Error::custom("unknown language"))?;
        thread_local! {
            static KEPT: std::cell::RefCell<Vec<AreaTextsRef>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        Ok(KEPT.with_borrow_mut(|kept| match kept.iter().find(|k| k.lang == lang) {
            Some(k) => *k,
            None => {
                let leaked: Vec<&'static str> = all.into_iter().map(|s| &*Box::leak(s.into_boxed_str())).collect();
                let texts: [&'static str; AreaTexts::LEN] = leaked.try_into().expect("length checked above");
                let k = AreaTextsRef { lang, texts: Box::leak(Box::new(AreaTexts::from_all(texts))) };
                kept.push(k);
                k
            }
        }))
    }
}

/// The area texts of the page's language (for the pages inside [`WithAreaTexts`]).
pub fn use_area_texts() -> &'static AreaTexts {
    leptos::prelude::expect_context::<AreaTextsRef>().texts
}

#[leptos::server(prefix = "/api", endpoint = "area_texts", output = crate::wire::Wire)]
pub async fn get_area_texts(lang: Lang) -> Result<AreaTextsRef, crate::errors::AppError> {
    Ok(AreaTextsRef::of(lang))
}

/// Renders `children` once the area texts of the page's language are at hand, and gives them
/// to every page below ([`use_area_texts`]).
#[leptos::component]
pub fn WithAreaTexts(children: leptos::children::ChildrenFn) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let lang = crate::ui::use_lang();
    let data = crate::wire::resource(move || lang.get(), get_area_texts);
    view! {
        <Suspense fallback=crate::ui::Loading>
            {move || data.get().map(|answer| match answer {
                Ok(texts) => {
                    provide_context(texts);
                    children().into_any()
                }
                Err(error) => view! { <crate::ui::ErrorBody error/> }.into_any(),
            })}
        </Suspense>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use codee::{binary::PostcardCodec, Decoder, Encoder};

    #[test]
    fn area_texts_cross_and_come_back_in_their_language() {
        for lang in Lang::ALL {
            let sent = AreaTextsRef::of(lang);
            let bytes = PostcardCodec::encode(&sent).unwrap();
            let got: AreaTextsRef = PostcardCodec::decode(&bytes).unwrap();
            assert_eq!(got.lang, lang);
            assert_eq!(got.texts.all(), sent.texts.all());
            // Read again: the kept copy, not another one.
            let again: AreaTextsRef = PostcardCodec::decode(&bytes).unwrap();
            assert!(std::ptr::eq(again.texts, got.texts));
        }
        assert_ne!(AreaTextsRef::of(Lang::Et).texts.all(), AreaTextsRef::of(Lang::En).texts.all());
        let short = PostcardCodec::encode(&vec!["et", "x"]).unwrap();
        assert!(<PostcardCodec as Decoder<AreaTextsRef>>::decode(&short).is_err());
    }
}
