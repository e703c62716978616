//! Demo reviews of sellers: a few to a few dozen per seller, stars around each seller's own
//! level, texts in the language the "shopper" wrote them in. Deterministic per seller id.

use super::{demo::epoch, Rng};
use crate::db::entity::{seller, seller_review};
use chrono::Duration;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

const AUTHORS: &[&str] = &[
    "Mari K.", "Jaan T.", "Kadri L.", "Andres P.", "Liis M.", "Tiit R.", "Анна С.", "Игорь В.", "Kristjan O.",
    "Triin H.", "Ольга К.", "Martin S.", "Helen V.", "Дмитрий Л.", "Piret A.", "Rasmus E.",
];

/// (stars, language, text): what shoppers typically write at each level.
const TEXTS: &[(i16, &str, &str)] = &[
    (5, "et", "Kiire tarne ja kõik oli hästi pakitud. Tellin kindlasti uuesti."),
    (5, "et", "Kaup vastas kirjeldusele, suhtlus oli sõbralik."),
    (5, "en", "Arrived a day earlier than promised, well packed. Recommended."),
    (5, "ru", "Быстрая доставка, всё в целости. Спасибо!"),
    (4, "et", "Hea hind ja korralik kaup, tarne võttis paar päeva kauem."),
    (4, "en", "Good value. The parcel locker delivery took one extra day."),
    (4, "ru", "Товар хороший, но упаковка могла быть лучше."),
    (3, "et", "Toode oli korras, aga tarne hilines ja keegi ei teavitanud."),
    (3, "en", "Product fine, but I had to ask twice about the tracking number."),
    (2, "ru", "Доставка задержалась на неделю, ответили только на второе письмо."),
    (2, "et", "Pakend oli katki, üks toode puudu. Lahendasid, aga aeglaselt."),
    (1, "en", "Order cancelled by the seller after five days without explanation."),
];

/// One star count around `level_tenths` (e.g. 46 → mostly 5s and 4s, now and then lower).
fn stars(rng: &mut Rng, level_tenths: i64) -> i16 {
    let roll = rng.range(0, 99);
    let fives = (level_tenths - 30) * 4; // 46 → 64 % fives
    let fours = 25;
    let threes = 6;
    match roll {
        r if r < fives => 5,
        r if r < fives + fours => 4,
        r if r < fives + fours + threes => 3,
        r if r < fives + fours + threes + 3 => 2,
        _ => 1,
    }
}

/// Writes reviews for each seller and stores the rating summary on the seller row.
pub(crate) async fn write_reviews<C: ConnectionTrait>(db: &C, seller_ids: &[i32]) -> Result<usize, DbErr> {
    let mut written = 0;
    for &seller_id in seller_ids {
        let mut rng = Rng::new(0x7265_7669_6577 ^ seller_id as u64);
        let count = rng.range(3, 28) as usize;
        let level = rng.range(38, 49);
        let mut total = 0i64;
        let rows: Vec<_> = (0..count)
            .map(|i| {
                let stars = stars(&mut rng, level);
                total += i64::from(stars);
                let pool: Vec<_> = TEXTS.iter().filter(|(s, _, _)| *s == stars).collect();
                let (_, lang, body) = pool[rng.range(0, pool.len() as i64 - 1) as usize];
                seller_review::ActiveModel {
                    seller_id: Set(seller_id),
                    author: Set(AUTHORS[rng.range(0, AUTHORS.len() as i64 - 1) as usize].to_owned()),
                    stars: Set(stars),
                    body: Set((*body).to_owned()),
                    lang: Set((*lang).to_owned()),
                    created_at: Set(epoch() + Duration::days(30 + i as i64 * 11) + Duration::minutes(rng.range(0, 900))),
                    ..Default::default()
                }
            })
            .collect();
        seller_review::Entity::insert_many(rows).exec_without_returning(db).await?;
        seller::Entity::update_many()
            .col_expr(seller::Column::RatingStarsTotal, total.into())
            .col_expr(seller::Column::ReviewCount, (count as i32).into())
            .filter(seller::Column::Id.eq(seller_id))
            .exec(db)
            .await?;
        written += count;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_star_level_has_a_text() {
        for s in 1..=5 {
            assert!(TEXTS.iter().any(|(stars, _, _)| *stars == s), "no text for {s} stars");
        }
    }

    #[test]
    fn better_sellers_get_more_stars() {
        let mean = |level| {
            let mut rng = Rng::new(1);
            (0..2000).map(|_| i64::from(stars(&mut rng, level))).sum::<i64>()
        };
        assert!(mean(48) > mean(38));
    }
}
