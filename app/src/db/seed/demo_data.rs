//! Hand-written demo catalog: categories, product lines and sellers, in et/en/ru.
//! Deterministic; the seeder (`super::demo`) turns it into rows.

use crate::delivery::DeliveryKind;

/// A text in the three shop languages.
#[derive(Debug, Clone, Copy)]
pub struct Tr {
    pub et: &'static str,
    pub en: &'static str,
    pub ru: &'static str,
}

const fn tr(et: &'static str, en: &'static str, ru: &'static str) -> Tr {
    Tr { et, en, ru }
}

pub struct DemoCategory {
    /// Unique, lowercase ASCII kebab-case (English), used in URLs.
    pub slug: &'static str,
    /// Slug of the parent category; `None` for a top-level one.
    pub parent: Option<&'static str>,
    pub name: Tr,
}

pub struct DemoProductLine {
    /// Slug of a LEAF category (one that is nobody's parent).
    pub category: &'static str,
    /// The generic product name without brand or size, e.g. tr("Piim 2,5%", "Milk 2.5%", "Молоко 2,5%").
    pub name: Tr,
    /// Brand names (proper names, not translated). Product = brand × variant.
    pub brands: &'static [&'static str],
    /// Size/colour/capacity variants, e.g. tr("1 l", "1 l", "1 л"). Product title = "{brand} {name}, {variant}".
    pub variants: &'static [Tr],
    /// Two or three sentences describing the product, real shop copy (no "lorem ipsum").
    pub description: Tr,
    /// 3–6 real-looking attributes (name, value), e.g. (tr("Päritolumaa","Country of origin","Страна происхождения"), tr("Eesti","Estonia","Эстония")).
    pub attributes: &'static [(Tr, Tr)],
    /// Typical shelf price in euro cents, VAT included (realistic Estonian prices in 2026).
    pub base_price_cents: i64,
    pub perishable: bool,
    /// Needs the cold chain (chilled/frozen food). Implies perishable.
    pub cold_chain: bool,
    /// Can be stored in the shopper's "pantry" (long-life goods: dry food, drinks, household goods; NOT cold-chain goods).
    pub storable: bool,
    /// File name of the drawn SVG under public/img/products/, e.g. "milk.svg". Several lines may share one image.
    pub image: &'static str,
}

pub struct DemoDelivery {
    pub kind: DeliveryKind,
    pub name: Tr,
    pub price_cents: i64,
    /// Free when the seller's goods in the order cost at least this much; None = never free.
    pub free_over_cents: Option<i64>,
    /// Estonian county codes served; an empty slice means all of Estonia.
    pub regions: &'static [&'static str],
    /// Delivery time in working days after handling, min and max.
    pub days_min: i32,
    pub days_max: i32,
}

pub struct DemoSeller {
    /// Lowercase ASCII kebab-case, unique, used in URLs.
    pub slug: &'static str,
    /// Shop name shown to shoppers.
    pub name: &'static str,
    /// Full legal name with legal form (OÜ, AS, SIA, UAB, Oy, GmbH, sp. z o.o., AB, ...).
    pub legal_name: &'static str,
    /// Registry code in the country's real format (EE: 8 digits, LV: 11 digits, LT: 9 digits, FI: "1234567-8", DE: "HRB 123456", PL: KRS 10 digits, SE: "556123-4567").
    pub registry_code: &'static str,
    /// VAT number in the country's real format (EE + 9 digits, LV + 11, LT + 9, FI + 8, DE + 9, PL + 10, SE + 12).
    pub vat_number: &'static str,
    /// ISO 3166-1 alpha-2 country of registration (EU only).
    pub country: &'static str,
    pub street: &'static str,
    pub city: &'static str,
    pub postal_code: &'static str,
    pub email: &'static str,
    pub phone: &'static str,
    /// Trading on the platform since (year, month, day), between 2016 and 2025.
    pub trading_since: (i32, u32, u32),
    /// One-paragraph "about us" text.
    pub about: Tr,
    /// Slugs of TOP-LEVEL categories this seller offers products in.
    pub categories: &'static [&'static str],
    /// Price level relative to the product's base price, in per mille (e.g. 950 = 5 % cheaper, 1080 = 8 % dearer). Between 900 and 1150.
    pub price_permille: i64,
    /// Handling time in working days before dispatch (0–3).
    pub handling_days: i32,
    pub deliveries: &'static [DemoDelivery],
}

// ---------------------------------------------------------------------------
// Shared attribute names
// ---------------------------------------------------------------------------

const ORIGIN: Tr = tr("Päritolumaa", "Country of origin", "Страна происхождения");
const STORAGE: Tr = tr("Säilitamine", "Storage", "Условия хранения");
const SHELF_LIFE: Tr = tr("Säilivusaeg", "Shelf life", "Срок годности");
const FAT: Tr = tr("Rasvasisaldus", "Fat content", "Жирность");
const INGREDIENTS: Tr = tr("Koostis", "Ingredients", "Состав");
const PACKAGING: Tr = tr("Pakend", "Packaging", "Упаковка");
const VARIETY: Tr = tr("Sort", "Variety", "Сорт");
const CLASS: Tr = tr("Klass", "Class", "Класс");
const COOKING_TIME: Tr = tr("Valmistusaeg", "Cooking time", "Время приготовления");
const ROAST: Tr = tr("Röstiaste", "Roast", "Степень обжарки");
const COFFEE_TYPE: Tr = tr("Kohvisort", "Coffee type", "Сорт кофе");
const WARRANTY: Tr = tr("Garantii", "Warranty", "Гарантия");
const BATTERY: Tr = tr("Aku tööaeg", "Battery life", "Время работы от аккумулятора");
const CONNECTIVITY: Tr = tr("Ühenduvus", "Connectivity", "Подключение");
const POWER: Tr = tr("Võimsus", "Power", "Мощность");
const COLOUR: Tr = tr("Värv", "Colour", "Цвет");
const MATERIAL: Tr = tr("Materjal", "Material", "Материал");
const CARE: Tr = tr("Hooldus", "Care", "Уход");
const HOBS: Tr = tr("Sobivad pliidid", "Suitable hobs", "Подходящие плиты");
const SCENT: Tr = tr("Lõhn", "Scent", "Аромат");
const KEY_INGREDIENTS: Tr = tr("Toimeained", "Key ingredients", "Активные компоненты");
const AFTER_OPENING: Tr = tr(
    "Säilivus pärast avamist",
    "Period after opening",
    "Срок годности после вскрытия",
);
const DOSAGE: Tr = tr("Annustamine", "Dosage", "Дозировка");
const PRODUCT_TYPE: Tr = tr("Tootetüüp", "Product type", "Тип продукта");
const AGE: Tr = tr("Vanus", "Age", "Возраст");
const SAFETY: Tr = tr("Ohutus", "Safety", "Безопасность");
const INCLUDED: Tr = tr("Komplektis", "Included", "В комплекте");
const WEIGHT: Tr = tr("Kaal", "Weight", "Вес");
const DIMENSIONS: Tr = tr("Mõõdud", "Dimensions", "Размеры");
const SHAPE: Tr = tr("Kuju", "Shape", "Форма");
const WATERPROOF: Tr = tr("Veekindlus", "Waterproofing", "Водостойкость");

// ---------------------------------------------------------------------------
// Shared attribute values
// ---------------------------------------------------------------------------

const ESTONIA: Tr = tr("Eesti", "Estonia", "Эстония");
const EU: Tr = tr("Euroopa Liit", "European Union", "Европейский союз");
const ITALY: Tr = tr("Itaalia", "Italy", "Италия");
const GERMANY: Tr = tr("Saksamaa", "Germany", "Германия");
const NORWAY: Tr = tr("Norra", "Norway", "Норвегия");
const POLAND: Tr = tr("Poola", "Poland", "Польша");
const LITHUANIA: Tr = tr("Leedu", "Lithuania", "Литва");
const CHILLED: Tr = tr(
    "Külmkapis +2…+6 °C",
    "Refrigerated at +2…+6 °C",
    "В холодильнике при +2…+6 °C",
);
const CHILLED_MEAT: Tr = tr(
    "Külmkapis 0…+4 °C",
    "Refrigerated at 0…+4 °C",
    "В холодильнике при 0…+4 °C",
);
const FROZEN: Tr = tr(
    "Sügavkülmas −18 °C või külmemas",
    "Frozen at −18 °C or below",
    "В морозильнике при −18 °C и ниже",
);
const DRY_PLACE: Tr = tr(
    "Kuivas ja jahedas kohas",
    "In a cool, dry place",
    "В сухом прохладном месте",
);
const ROOM_TEMP: Tr = tr(
    "Toatemperatuuril, kuivas kohas",
    "At room temperature in a dry place",
    "При комнатной температуре в сухом месте",
);
const MONTHS_12: Tr = tr("12 kuud", "12 months", "12 месяцев");
const MONTHS_18: Tr = tr("18 kuud", "18 months", "18 месяцев");
const MONTHS_24: Tr = tr("24 kuud", "24 months", "24 месяца");
const CLASS_I: Tr = tr("I klass", "Class I", "Первый класс");
const PET_DEPOSIT: Tr = tr(
    "PET-pudel, pandiga",
    "PET bottle with deposit",
    "ПЭТ-бутылка, залоговая",
);
const WARRANTY_2Y: Tr = tr("2 aastat", "2 years", "2 года");
const WARRANTY_5Y: Tr = tr("5 aastat", "5 years", "5 лет");
const ALL_HOBS: Tr = tr(
    "Kõik, k.a induktsioonpliit",
    "All, including induction",
    "Все, включая индукционные",
);
const DISHWASHER: Tr = tr(
    "Võib pesta nõudepesumasinas",
    "Dishwasher safe",
    "Можно мыть в посудомоечной машине",
);
const HAND_WASH: Tr = tr("Pesta käsitsi", "Hand wash only", "Мыть вручную");
const WASH_60: Tr = tr(
    "Masinpesu 60 °C",
    "Machine wash at 60 °C",
    "Машинная стирка при 60 °C",
);
const BED_MATERIAL: Tr = tr(
    "Kate 100% puuvill, täidis mikrokiud",
    "Cover 100% cotton, microfibre filling",
    "Чехол 100% хлопок, наполнитель микроволокно",
);
const SUPPLEMENT: Tr = tr("Toidulisand", "Food supplement", "Пищевая добавка");
const EN71: Tr = tr("EN 71, CE", "EN 71, CE", "EN 71, CE");
const FROM_BIRTH: Tr = tr("Alates sünnist", "From birth", "С рождения");
const YES: Tr = tr("Jah", "Yes", "Да");

// ---------------------------------------------------------------------------
// Categories
// ---------------------------------------------------------------------------

pub static CATEGORIES: &[DemoCategory] = &[
    // Top level
    DemoCategory {
        slug: "food",
        parent: None,
        name: tr("Toidukaubad", "Food", "Продукты питания"),
    },
    DemoCategory {
        slug: "home-kitchen",
        parent: None,
        name: tr("Kodu ja köök", "Home & kitchen", "Дом и кухня"),
    },
    DemoCategory {
        slug: "electronics",
        parent: None,
        name: tr("Elektroonika", "Electronics", "Электроника"),
    },
    DemoCategory {
        slug: "beauty-health",
        parent: None,
        name: tr("Ilu ja tervis", "Beauty & health", "Красота и здоровье"),
    },
    DemoCategory {
        slug: "kids-toys",
        parent: None,
        name: tr("Lapsed ja mänguasjad", "Kids & toys", "Дети и игрушки"),
    },
    DemoCategory {
        slug: "sports-outdoors",
        parent: None,
        name: tr("Sport ja vaba aeg", "Sports & outdoors", "Спорт и отдых"),
    },
    // Food
    DemoCategory {
        slug: "dairy-eggs",
        parent: Some("food"),
        name: tr(
            "Piimatooted ja munad",
            "Dairy & eggs",
            "Молочные продукты и яйца",
        ),
    },
    DemoCategory {
        slug: "bread-bakery",
        parent: Some("food"),
        name: tr("Leib ja saiad", "Bread & bakery", "Хлеб и выпечка"),
    },
    DemoCategory {
        slug: "fruit-vegetables",
        parent: Some("food"),
        name: tr(
            "Puu- ja köögiviljad",
            "Fruit & vegetables",
            "Фрукты и овощи",
        ),
    },
    DemoCategory {
        slug: "meat-fish",
        parent: Some("food"),
        name: tr("Liha ja kala", "Meat & fish", "Мясо и рыба"),
    },
    DemoCategory {
        slug: "frozen-food",
        parent: Some("food"),
        name: tr("Külmutatud toidud", "Frozen food", "Замороженные продукты"),
    },
    DemoCategory {
        slug: "dry-goods",
        parent: Some("food"),
        name: tr(
            "Kuivained ja maiustused",
            "Dry goods & sweets",
            "Бакалея и сладости",
        ),
    },
    DemoCategory {
        slug: "coffee-tea",
        parent: Some("food"),
        name: tr("Kohv ja tee", "Coffee & tea", "Кофе и чай"),
    },
    DemoCategory {
        slug: "drinks",
        parent: Some("food"),
        name: tr("Joogid", "Drinks", "Напитки"),
    },
    // Electronics
    DemoCategory {
        slug: "phones-accessories",
        parent: Some("electronics"),
        name: tr(
            "Telefonid ja tarvikud",
            "Phones & accessories",
            "Телефоны и аксессуары",
        ),
    },
    DemoCategory {
        slug: "audio",
        parent: Some("electronics"),
        name: tr(
            "Kõrvaklapid ja kõlarid",
            "Headphones & speakers",
            "Наушники и колонки",
        ),
    },
    DemoCategory {
        slug: "small-appliances",
        parent: Some("electronics"),
        name: tr(
            "Väike kodutehnika",
            "Small appliances",
            "Мелкая бытовая техника",
        ),
    },
    // Home & kitchen
    DemoCategory {
        slug: "cookware",
        parent: Some("home-kitchen"),
        name: tr("Kööginõud", "Cookware", "Кухонная посуда"),
    },
    DemoCategory {
        slug: "cleaning",
        parent: Some("home-kitchen"),
        name: tr(
            "Puhastus- ja pesuvahendid",
            "Cleaning & laundry",
            "Чистящие и моющие средства",
        ),
    },
    DemoCategory {
        slug: "home-textiles",
        parent: Some("home-kitchen"),
        name: tr("Kodutekstiil", "Home textiles", "Домашний текстиль"),
    },
    // Beauty & health
    DemoCategory {
        slug: "personal-care",
        parent: Some("beauty-health"),
        name: tr("Isiklik hügieen", "Personal care", "Личная гигиена"),
    },
    DemoCategory {
        slug: "vitamins-supplements",
        parent: Some("beauty-health"),
        name: tr(
            "Vitamiinid ja toidulisandid",
            "Vitamins & supplements",
            "Витамины и БАДы",
        ),
    },
    // Kids & toys
    DemoCategory {
        slug: "toys",
        parent: Some("kids-toys"),
        name: tr("Mänguasjad", "Toys", "Игрушки"),
    },
    DemoCategory {
        slug: "baby-care",
        parent: Some("kids-toys"),
        name: tr("Beebitarbed", "Baby care", "Товары для малышей"),
    },
    // Sports & outdoors
    DemoCategory {
        slug: "fitness",
        parent: Some("sports-outdoors"),
        name: tr("Treening", "Fitness", "Фитнес"),
    },
    DemoCategory {
        slug: "outdoor-camping",
        parent: Some("sports-outdoors"),
        name: tr("Matkamine", "Hiking & camping", "Туризм и кемпинг"),
    },
];

// ---------------------------------------------------------------------------
// Product lines
// ---------------------------------------------------------------------------

pub static PRODUCT_LINES: &[DemoProductLine] = &[
    // ----- Food: dairy & eggs --------------------------------------------
    DemoProductLine {
        category: "dairy-eggs",
        name: tr("Piim 2,5%", "Milk 2.5%", "Молоко 2,5%"),
        brands: &["Farmi", "Tere", "Alma"],
        variants: &[tr("1 l", "1 l", "1 л"), tr("1,5 l", "1.5 l", "1,5 л")],
        description: tr(
            "Pastöriseeritud ja homogeniseeritud Eesti piim pehme, tasakaaluka maitsega. Sobib hommikuputru sisse, kohvi kõrvale ja niisama joomiseks. Pärast avamist tarvita kolme päeva jooksul.",
            "Pasteurised and homogenised Estonian milk with a mild, balanced taste. Good for porridge, in coffee or simply as a glass on its own. Once opened, use within three days.",
            "Пастеризованное гомогенизированное эстонское молоко с мягким, сбалансированным вкусом. Подходит для каши, кофе или чтобы просто выпить стакан. После вскрытия употребить в течение трёх дней.",
        ),
        attributes: &[
            (ORIGIN, ESTONIA),
            (FAT, tr("2,5%", "2.5%", "2,5%")),
            (STORAGE, CHILLED),
            (SHELF_LIFE, tr("10 päeva", "10 days", "10 дней")),
            (PACKAGING, tr("Kartongpakend", "Carton", "Картонная упаковка")),
        ],
        base_price_cents: 129,
        perishable: true,
        cold_chain: true,
        storable: false,
        image: "milk.svg",
    },
    DemoProductLine {
        category: "dairy-eggs",
        name: tr("Kohupiim 5%", "Curd cheese 5%", "Творог 5%"),
        brands: &["Farmi", "Tere"],
        variants: &[tr("200 g", "200 g", "200 г"), tr("500 g", "500 g", "500 г")],
        description: tr(
            "Pehme ja kreemja tekstuuriga kohupiim, mis on valmistatud Eesti piimast. Sobib pannkookide ja kohupiimakoogi tegemiseks, aga maitseb hästi ka moosi või värskete marjadega.",
            "Soft, creamy curd cheese made from Estonian milk. Great for pancakes and cheesecake, or simply eaten with jam or fresh berries.",
            "Нежный творог кремовой консистенции из эстонского молока. Подходит для сырников и творожной запеканки, а также вкусен с вареньем или свежими ягодами.",
        ),
        attributes: &[
            (ORIGIN, ESTONIA),
            (FAT, tr("5%", "5%", "5%")),
            (STORAGE, CHILLED),
            (SHELF_LIFE, tr("14 päeva", "14 days", "14 дней")),
            (
                INGREDIENTS,
                tr(
                    "Pastöriseeritud piim, juuretis",
                    "Pasteurised milk, starter culture",
                    "Пастеризованное молоко, закваска",
                ),
            ),
        ],
        base_price_cents: 159,
        perishable: true,
        cold_chain: true,
        storable: false,
        image: "yogurt.svg",
    },
    DemoProductLine {
        category: "dairy-eggs",
        name: tr(
            "Maitsestamata jogurt 2,5%",
            "Natural yoghurt 2.5%",
            "Натуральный йогурт 2,5%",
        ),
        brands: &["Alma", "Tere"],
        variants: &[tr("380 g", "380 g", "380 г"), tr("1 kg", "1 kg", "1 кг")],
        description: tr(
            "Klassikaline maitsestamata jogurt elusate piimhappebakteritega, ilma lisatud suhkruta. Sobib müsli kõrvale, smuutidesse ja kastmete alusena.",
            "Classic natural yoghurt with live cultures and no added sugar. Serve it with muesli, blend it into smoothies or use it as a base for dips and dressings.",
            "Классический натуральный йогурт с живыми молочнокислыми бактериями, без добавленного сахара. Подходит к мюсли, для смузи и как основа для соусов.",
        ),
        attributes: &[
            (ORIGIN, ESTONIA),
            (FAT, tr("2,5%", "2.5%", "2,5%")),
            (STORAGE, CHILLED),
            (SHELF_LIFE, tr("21 päeva", "21 days", "21 день")),
            (
                INGREDIENTS,
                tr(
                    "Piim, jogurtijuuretis",
                    "Milk, yoghurt cultures",
                    "Молоко, йогуртовая закваска",
                ),
            ),
        ],
        base_price_cents: 149,
        perishable: true,
        cold_chain: true,
        storable: false,
        image: "yogurt.svg",
    },
    DemoProductLine {
        category: "dairy-eggs",
        name: tr(
            "Vabapidamise kanamunad",
            "Free-range eggs",
            "Яйца кур свободного выгула",
        ),
        brands: &["Linnamäe", "Sireli"],
        variants: &[
            tr("10 tk, M", "10 pcs, M", "10 шт., M"),
            tr("10 tk, L", "10 pcs, L", "10 шт., L"),
        ],
        description: tr(
            "Vabapidamisel kasvanud kanade värsked munad Eesti taludest. Munad on sorteeritud ja märgistatud ning sobivad keetmiseks, praadimiseks ja küpsetamiseks.",
            "Fresh eggs from free-range hens on Estonian farms. Graded and stamped, ready for boiling, frying or baking.",
            "Свежие яйца от кур свободного выгула с эстонских ферм. Яйца откалиброваны и промаркированы, подходят для варки, жарки и выпечки.",
        ),
        attributes: &[
            (ORIGIN, ESTONIA),
            (
                tr("Pidamisviis", "Farming method", "Способ содержания"),
                tr("Vabapidamine", "Free-range", "Свободный выгул"),
            ),
            (
                STORAGE,
                tr(
                    "Jahedas, +5…+18 °C",
                    "In a cool place, +5…+18 °C",
                    "В прохладном месте, +5…+18 °C",
                ),
            ),
            (SHELF_LIFE, tr("28 päeva", "28 days", "28 дней")),
        ],
        base_price_cents: 329,
        perishable: true,
        cold_chain: false,
        storable: false,
        image: "eggs.svg",
    },
    DemoProductLine {
        category: "dairy-eggs",
        name: tr("Gouda juust 26%", "Gouda cheese 26%", "Сыр гауда 26%"),
        brands: &["Estover", "Valio"],
        variants: &[
            tr("300 g, viilutatud", "300 g, sliced", "300 г, нарезка"),
            tr("500 g, tükk", "500 g, block", "500 г, кусок"),
        ],
        description: tr(
            "Poolkõva laagerdatud juust pehme, kergelt pähklise maitsega. Sobib võileivale, salatisse ja ahjuroogadele, sest sulab ühtlaselt.",
            "A semi-hard matured cheese with a mild, slightly nutty flavour. Ideal on sandwiches, in salads and on bakes, as it melts evenly.",
            "Полутвёрдый выдержанный сыр с мягким, слегка ореховым вкусом. Хорош для бутербродов, салатов и запеканок, так как равномерно плавится.",
        ),
        attributes: &[
            (ORIGIN, ESTONIA),
            (FAT, tr("26%", "26%", "26%")),
            (STORAGE, CHILLED),
            (SHELF_LIFE, tr("60 päeva", "60 days", "60 дней")),
            (
                INGREDIENTS,
                tr(
                    "Pastöriseeritud piim, sool, juuretis, laap",
                    "Pasteurised milk, salt, starter culture, rennet",
                    "Пастеризованное молоко, соль, закваска, сычужный фермент",
                ),
            ),
        ],
        base_price_cents: 399,
        perishable: true,
        cold_chain: true,
        storable: false,
        image: "cheese.svg",
    },
    // ----- Food: bread & bakery ------------------------------------------
    DemoProductLine {
        category: "bread-bakery",
        name: tr("Rukkileib", "Rye bread", "Ржаной хлеб"),
        brands: &["Leibur", "Eesti Pagar", "Fazer"],
        variants: &[tr("500 g", "500 g", "500 г"), tr("750 g", "750 g", "750 г")],
        description: tr(
            "Traditsioonilise retsepti järgi juuretisega valmistatud rukkileib, mis küpseb ahjus aeglaselt. Tiheda sisu ja kergelt hapuka maitsega leib on Eesti toidulaua alus.",
            "Rye bread made with sourdough to a traditional recipe and slowly baked in the oven. Dense, with a gently sour taste, it is a staple of the Estonian table.",
            "Ржаной хлеб на закваске по традиционному рецепту, медленно выпеченный в печи. Плотный, с лёгкой кислинкой, — основа эстонского стола.",
        ),
        attributes: &[
            (ORIGIN, ESTONIA),
            (
                INGREDIENTS,
                tr(
                    "Rukkijahu, vesi, rukkilinnased, suhkur, sool, köömned",
                    "Rye flour, water, rye malt, sugar, salt, caraway",
                    "Ржаная мука, вода, ржаной солод, сахар, соль, тмин",
                ),
            ),
            (STORAGE, ROOM_TEMP),
            (SHELF_LIFE, tr("5 päeva", "5 days", "5 дней")),
            (tr("Viilutatud", "Sliced", "Нарезан"), YES),
        ],
        base_price_cents: 219,
        perishable: true,
        cold_chain: false,
        storable: false,
        image: "rye-bread.svg",
    },
    DemoProductLine {
        category: "bread-bakery",
        name: tr("Röstsai", "Toast bread", "Тостовый хлеб"),
        brands: &["Fazer", "Eesti Pagar"],
        variants: &[tr("400 g", "400 g", "400 г"), tr("600 g", "600 g", "600 г")],
        description: tr(
            "Pehme ja kohev viilutatud röstsai, mis pruunistub rösteris ühtlaselt kuldseks. Sobib hommikusöögiks, võileibadeks ja kuumade võileibade tegemiseks.",
            "Soft, fluffy sliced toast bread that browns evenly to gold in the toaster. Perfect for breakfast, sandwiches and toasties.",
            "Мягкий пышный нарезанный тостовый хлеб, который равномерно подрумянивается в тостере. Подходит для завтрака, бутербродов и горячих сэндвичей.",
        ),
        attributes: &[
            (ORIGIN, ESTONIA),
            (
                INGREDIENTS,
                tr(
                    "Nisujahu, vesi, suhkur, rapsiõli, pärm, sool",
                    "Wheat flour, water, sugar, rapeseed oil, yeast, salt",
                    "Пшеничная мука, вода, сахар, рапсовое масло, дрожжи, соль",
                ),
            ),
            (STORAGE, ROOM_TEMP),
            (SHELF_LIFE, tr("7 päeva", "7 days", "7 дней")),
        ],
        base_price_cents: 149,
        perishable: true,
        cold_chain: false,
        storable: false,
        image: "bread.svg",
    },
    DemoProductLine {
        category: "bread-bakery",
        name: tr("Kaneelisaiakesed", "Cinnamon buns", "Булочки с корицей"),
        brands: &["Eesti Pagar", "Fazer"],
        variants: &[
            tr("4 tk, 280 g", "4 pcs, 280 g", "4 шт., 280 г"),
            tr("6 tk, 420 g", "6 pcs, 420 g", "6 шт., 420 г"),
        ],
        description: tr(
            "Kohevad pärmitaignast saiakesed rohke kaneeli ja pärlsuhkruga. Soojenda neid paar minutit ahjus ja serveeri kohvi või klaasi piimaga.",
            "Fluffy yeast-dough buns with plenty of cinnamon and pearl sugar. Warm them in the oven for a couple of minutes and serve with coffee or a glass of milk.",
            "Пышные булочки из дрожжевого теста с обилием корицы и жемчужного сахара. Разогрейте их пару минут в духовке и подавайте к кофе или стакану молока.",
        ),
        attributes: &[
            (ORIGIN, ESTONIA),
            (
                INGREDIENTS,
                tr(
                    "Nisujahu, piim, või, suhkur, kaneel, pärm, muna",
                    "Wheat flour, milk, butter, sugar, cinnamon, yeast, egg",
                    "Пшеничная мука, молоко, сливочное масло, сахар, корица, дрожжи, яйцо",
                ),
            ),
            (STORAGE, ROOM_TEMP),
            (SHELF_LIFE, tr("4 päeva", "4 days", "4 дня")),
        ],
        base_price_cents: 299,
        perishable: true,
        cold_chain: false,
        storable: false,
        image: "bread.svg",
    },
    // ----- Food: fruit & vegetables --------------------------------------
    DemoProductLine {
        category: "fruit-vegetables",
        name: tr("Õunad", "Apples", "Яблоки"),
        brands: &["Rõngu Aed", "Mäeotsa Talu"],
        variants: &[tr("1 kg", "1 kg", "1 кг"), tr("2 kg", "2 kg", "2 кг")],
        description: tr(
            "Krõmpsud ja mahlased Eesti aedade õunad, mis on korjatud küpsena ja hoitud jahedas hoidlas. Sobivad värskelt söömiseks, koogi küpsetamiseks ja kompoti keetmiseks.",
            "Crisp, juicy apples from Estonian orchards, picked ripe and kept in cool storage. Lovely eaten fresh, baked into a cake or cooked into compote.",
            "Хрустящие сочные яблоки из эстонских садов, собранные спелыми и хранившиеся в прохладном хранилище. Хороши в свежем виде, для пирога и компота.",
        ),
        attributes: &[
            (ORIGIN, ESTONIA),
            (VARIETY, tr("Krista", "Krista", "Криста")),
            (CLASS, CLASS_I),
            (
                STORAGE,
                tr(
                    "Jahedas, +2…+8 °C",
                    "In a cool place, +2…+8 °C",
                    "В прохладном месте, +2…+8 °C",
                ),
            ),
        ],
        base_price_cents: 249,
        perishable: true,
        cold_chain: false,
        storable: false,
        image: "apple.svg",
    },
    DemoProductLine {
        category: "fruit-vegetables",
        name: tr("Kartulid", "Potatoes", "Картофель"),
        brands: &["Mäeotsa Talu", "Kõrvemaa Köögivili"],
        variants: &[tr("2 kg", "2 kg", "2 кг"), tr("5 kg", "5 kg", "5 кг")],
        description: tr(
            "Eesti põldudel kasvatatud jahukad lauakartulid, mis sobivad hästi keetmiseks, pudruks ja ahjus küpsetamiseks. Hoia pimedas ja jahedas kohas.",
            "Floury table potatoes grown in Estonian fields, great for boiling, mashing and roasting. Keep in a dark, cool place.",
            "Рассыпчатый столовый картофель с эстонских полей, который хорош для варки, пюре и запекания. Хранить в тёмном прохладном месте.",
        ),
        attributes: &[
            (ORIGIN, ESTONIA),
            (VARIETY, tr("Laura", "Laura", "Лаура")),
            (CLASS, CLASS_I),
            (
                STORAGE,
                tr(
                    "Pimedas ja jahedas, +4…+8 °C",
                    "Dark and cool, +4…+8 °C",
                    "В тёмном прохладном месте, +4…+8 °C",
                ),
            ),
        ],
        base_price_cents: 199,
        perishable: true,
        cold_chain: false,
        storable: false,
        image: "vegetables.svg",
    },
    DemoProductLine {
        category: "fruit-vegetables",
        name: tr("Kobartomatid", "Vine tomatoes", "Томаты на ветке"),
        brands: &["Tamme Aiand", "Kaseküla Kasvuhoone"],
        variants: &[tr("500 g", "500 g", "500 г"), tr("1 kg", "1 kg", "1 кг")],
        description: tr(
            "Kasvuhoones kasvatatud kobartomatid, mis on korjatud koos vartega ja valminud sügavpunaseks. Magusa ja mahlase maitsega, ideaalsed salatisse ja võileivale.",
            "Greenhouse-grown vine tomatoes, picked on the stem and ripened to a deep red. Sweet and juicy, ideal for salads and sandwiches.",
            "Тепличные томаты, собранные вместе с веточкой и дозревшие до насыщенного красного цвета. Сладкие и сочные, идеальны для салатов и бутербродов.",
        ),
        attributes: &[
            (ORIGIN, ESTONIA),
            (CLASS, CLASS_I),
            (
                tr("Kasvatusviis", "Growing method", "Способ выращивания"),
                tr("Kasvuhoone", "Greenhouse", "Тепличный"),
            ),
            (
                STORAGE,
                tr(
                    "Toatemperatuuril",
                    "At room temperature",
                    "При комнатной температуре",
                ),
            ),
        ],
        base_price_cents: 279,
        perishable: true,
        cold_chain: false,
        storable: false,
        image: "vegetables.svg",
    },
    // ----- Food: meat & fish ---------------------------------------------
    DemoProductLine {
        category: "meat-fish",
        name: tr(
            "Broileri rinnafilee",
            "Chicken breast fillet",
            "Филе куриной грудки",
        ),
        brands: &["Tallegg", "Atria"],
        variants: &[tr("500 g", "500 g", "500 г"), tr("1 kg", "1 kg", "1 кг")],
        description: tr(
            "Jahutatud broileri rinnafilee, nahata ja kontideta. Lahja ja mitmekülgne liha sobib praadimiseks, grillimiseks ja ahjuroogadesse.",
            "Chilled chicken breast fillet, skinless and boneless. Lean and versatile, it is perfect for frying, grilling and oven dishes.",
            "Охлаждённое филе куриной грудки без кожи и костей. Постное и универсальное мясо для жарки, гриля и блюд в духовке.",
        ),
        attributes: &[
            (ORIGIN, ESTONIA),
            (STORAGE, CHILLED_MEAT),
            (SHELF_LIFE, tr("8 päeva", "8 days", "8 дней")),
            (
                PACKAGING,
                tr(
                    "Kaitsegaasiga pakend",
                    "Modified atmosphere pack",
                    "Упаковка в защитной атмосфере",
                ),
            ),
        ],
        base_price_cents: 549,
        perishable: true,
        cold_chain: true,
        storable: false,
        image: "meat.svg",
    },
    DemoProductLine {
        category: "meat-fish",
        name: tr("Sealiha hakkliha", "Minced pork", "Свиной фарш"),
        brands: &["Rakvere", "Nõo"],
        variants: &[tr("400 g", "400 g", "400 г"), tr("800 g", "800 g", "800 г")],
        description: tr(
            "Värskest Eesti sealihast valmistatud hakkliha kotlettide, lihapallide ja kastmete jaoks. Rasvasisaldus kuni 20%, ilma lisaaineteta.",
            "Mince made from fresh Estonian pork, for burgers, meatballs and sauces. Up to 20% fat and no additives.",
            "Фарш из свежей эстонской свинины для котлет, тефтелей и соусов. Жирность до 20%, без добавок.",
        ),
        attributes: &[
            (ORIGIN, ESTONIA),
            (FAT, tr("kuni 20%", "up to 20%", "до 20%")),
            (STORAGE, CHILLED_MEAT),
            (SHELF_LIFE, tr("6 päeva", "6 days", "6 дней")),
        ],
        base_price_cents: 329,
        perishable: true,
        cold_chain: true,
        storable: false,
        image: "meat.svg",
    },
    DemoProductLine {
        category: "meat-fish",
        name: tr("Viinerid", "Wieners", "Сосиски"),
        brands: &["Rakvere", "Nõo", "Atria"],
        variants: &[tr("300 g", "300 g", "300 г"), tr("600 g", "600 g", "600 г")],
        description: tr(
            "Mahlased sea- ja veiselihaviinerid kerge suitsumaitsega. Kuumuta paar minutit vees või pannil ja serveeri kartulipudru või värske leivaga.",
            "Juicy pork and beef wieners with a light smoky flavour. Heat for a few minutes in water or in a pan and serve with mashed potatoes or fresh bread.",
            "Сочные сосиски из свинины и говядины с лёгким копчёным вкусом. Разогрейте несколько минут в воде или на сковороде и подавайте с картофельным пюре или свежим хлебом.",
        ),
        attributes: &[
            (ORIGIN, ESTONIA),
            (
                tr("Lihasisaldus", "Meat content", "Содержание мяса"),
                tr("85%", "85%", "85%"),
            ),
            (STORAGE, CHILLED),
            (SHELF_LIFE, tr("30 päeva", "30 days", "30 дней")),
        ],
        base_price_cents: 349,
        perishable: true,
        cold_chain: true,
        storable: false,
        image: "sausage.svg",
    },
    DemoProductLine {
        category: "meat-fish",
        name: tr(
            "Külmsuitsulõhe viilud",
            "Cold-smoked salmon slices",
            "Ломтики лосося холодного копчения",
        ),
        brands: &["Vettel", "M.V.Wool"],
        variants: &[tr("100 g", "100 g", "100 г"), tr("200 g", "200 g", "200 г")],
        description: tr(
            "Õrnalt soolatud ja lepapuu suitsus külmsuitsutatud lõhe, mis on lõigatud õhukesteks viiludeks. Sobib võileivale, salatisse ja eelroaks.",
            "Lightly salted salmon, cold-smoked over alder wood and cut into thin slices. Lovely on sandwiches, in salads and as a starter.",
            "Слабосолёный лосось холодного копчения на ольховой щепе, нарезанный тонкими ломтиками. Подходит для бутербродов, салатов и закусок.",
        ),
        attributes: &[
            (
                ORIGIN,
                tr(
                    "Töödeldud Eestis, kala Norrast",
                    "Processed in Estonia, fish from Norway",
                    "Переработано в Эстонии, рыба из Норвегии",
                ),
            ),
            (
                INGREDIENTS,
                tr(
                    "Atlandi lõhe, sool",
                    "Atlantic salmon, salt",
                    "Атлантический лосось, соль",
                ),
            ),
            (STORAGE, CHILLED_MEAT),
            (SHELF_LIFE, tr("21 päeva", "21 days", "21 день")),
        ],
        base_price_cents: 449,
        perishable: true,
        cold_chain: true,
        storable: false,
        image: "fish.svg",
    },
    // ----- Food: frozen --------------------------------------------------
    DemoProductLine {
        category: "frozen-food",
        name: tr("Pelmeenid", "Pelmeni dumplings", "Пельмени"),
        brands: &["Vici", "Pakane"],
        variants: &[tr("500 g", "500 g", "500 г"), tr("1 kg", "1 kg", "1 кг")],
        description: tr(
            "Õhukesest taignast pelmeenid mahlase sea- ja veiselihatäidisega. Keeda soolaga maitsestatud vees 5–7 minutit ja serveeri hapukoore või võiga.",
            "Thin-dough dumplings with a juicy pork and beef filling. Boil in salted water for 5–7 minutes and serve with sour cream or butter.",
            "Пельмени из тонкого теста с сочной начинкой из свинины и говядины. Варить в подсоленной воде 5–7 минут, подавать со сметаной или сливочным маслом.",
        ),
        attributes: &[
            (ORIGIN, EU),
            (
                INGREDIENTS,
                tr(
                    "Nisujahu, sealiha, veiseliha, vesi, sibul, sool, pipar",
                    "Wheat flour, pork, beef, water, onion, salt, pepper",
                    "Пшеничная мука, свинина, говядина, вода, лук, соль, перец",
                ),
            ),
            (STORAGE, FROZEN),
            (SHELF_LIFE, MONTHS_12),
        ],
        base_price_cents: 379,
        perishable: true,
        cold_chain: true,
        storable: false,
        image: "frozen-bag.svg",
    },
    DemoProductLine {
        category: "frozen-food",
        name: tr("Vanillijäätis", "Vanilla ice cream", "Ванильное мороженое"),
        brands: &["Balbiino", "Premia"],
        variants: &[tr("500 ml", "500 ml", "500 мл"), tr("1 l", "1 l", "1 л")],
        description: tr(
            "Koorene vanillijäätis, mis on valmistatud Eesti piimast ja koorest ning maitsestatud päris vanilliga. Serveeri niisama, marjadega või sooja koogi kõrvale.",
            "Creamy vanilla ice cream made with Estonian milk and cream and flavoured with real vanilla. Enjoy it on its own, with berries or alongside a warm pie.",
            "Сливочное ванильное мороженое из эстонского молока и сливок с натуральной ванилью. Подавайте отдельно, с ягодами или к тёплому пирогу.",
        ),
        attributes: &[
            (ORIGIN, ESTONIA),
            (FAT, tr("10%", "10%", "10%")),
            (STORAGE, FROZEN),
            (SHELF_LIFE, MONTHS_12),
        ],
        base_price_cents: 349,
        perishable: true,
        cold_chain: true,
        storable: false,
        image: "ice-cream.svg",
    },
    DemoProductLine {
        category: "frozen-food",
        name: tr(
            "Külmutatud köögiviljasegu",
            "Frozen vegetable mix",
            "Замороженная овощная смесь",
        ),
        brands: &["Salvest", "Hortex"],
        variants: &[tr("400 g", "400 g", "400 г"), tr("1 kg", "1 kg", "1 кг")],
        description: tr(
            "Kiirkülmutatud segu porgandist, rohelistest hernestest, maisist ja aeduubadest. Valmib pannil või aurutades vähem kui kümne minutiga, sulatada pole vaja.",
            "A quick-frozen mix of carrots, green peas, sweetcorn and green beans. Ready in under ten minutes in a pan or steamer, with no need to thaw.",
            "Быстрозамороженная смесь из моркови, зелёного горошка, кукурузы и стручковой фасоли. Готовится на сковороде или на пару меньше чем за десять минут, размораживать не нужно.",
        ),
        attributes: &[
            (ORIGIN, EU),
            (
                INGREDIENTS,
                tr(
                    "Porgand, roheline hernes, mais, aeduba",
                    "Carrot, green peas, sweetcorn, green beans",
                    "Морковь, зелёный горошек, кукуруза, стручковая фасоль",
                ),
            ),
            (STORAGE, FROZEN),
            (SHELF_LIFE, MONTHS_24),
        ],
        base_price_cents: 229,
        perishable: true,
        cold_chain: true,
        storable: false,
        image: "frozen-bag.svg",
    },
    // ----- Food: dry goods & sweets --------------------------------------
    DemoProductLine {
        category: "dry-goods",
        name: tr("Tatrakruup", "Buckwheat groats", "Гречневая крупа"),
        brands: &["Veski Mati", "Tartu Mill"],
        variants: &[tr("500 g", "500 g", "500 г"), tr("1 kg", "1 kg", "1 кг")],
        description: tr(
            "Röstitud tatrakruup, mis keeb pehmeks ja jääb kohevaks. Sobib lisandiks liharoogadele, pudruks ja salatitesse.",
            "Roasted buckwheat groats that cook up soft and fluffy. Serve as a side with meat, as porridge or in salads.",
            "Обжаренная гречневая крупа, которая разваривается мягкой и рассыпчатой. Подходит как гарнир к мясу, для каши и салатов.",
        ),
        attributes: &[
            (ORIGIN, EU),
            (COOKING_TIME, tr("15–20 min", "15–20 min", "15–20 мин")),
            (STORAGE, DRY_PLACE),
            (SHELF_LIFE, MONTHS_18),
            (PACKAGING, tr("Paberkott", "Paper bag", "Бумажный пакет")),
        ],
        base_price_cents: 189,
        perishable: false,
        cold_chain: false,
        storable: true,
        image: "grain-bag.svg",
    },
    DemoProductLine {
        category: "dry-goods",
        name: tr(
            "Nisujahu 405",
            "Wheat flour type 405",
            "Пшеничная мука тип 405",
        ),
        brands: &["Tartu Mill", "Veski Mati"],
        variants: &[tr("1 kg", "1 kg", "1 кг"), tr("2 kg", "2 kg", "2 кг")],
        description: tr(
            "Peeneks jahvatatud kõrgema sordi nisujahu saiade, kookide ja pannkookide küpsetamiseks. Jahvatatud Eestis kasvatatud nisust.",
            "Finely milled premium wheat flour for bread rolls, cakes and pancakes. Milled from wheat grown in Estonia.",
            "Пшеничная мука высшего сорта тонкого помола для булок, пирогов и блинов. Смолота из пшеницы, выращенной в Эстонии.",
        ),
        attributes: &[
            (ORIGIN, ESTONIA),
            (
                tr("Valgusisaldus", "Protein", "Белки"),
                tr("10,5 g / 100 g", "10.5 g / 100 g", "10,5 г / 100 г"),
            ),
            (STORAGE, DRY_PLACE),
            (SHELF_LIFE, MONTHS_12),
        ],
        base_price_cents: 119,
        perishable: false,
        cold_chain: false,
        storable: true,
        image: "grain-bag.svg",
    },
    DemoProductLine {
        category: "dry-goods",
        name: tr("Spagetid", "Spaghetti", "Спагетти"),
        brands: &["Barilla", "Divella"],
        variants: &[tr("500 g", "500 g", "500 г"), tr("1 kg", "1 kg", "1 кг")],
        description: tr(
            "Itaalia kõvast nisust valmistatud spagetid, mis jäävad keetes al dente. Keeda soolaga maitsestatud vees 9–11 minutit.",
            "Italian durum wheat spaghetti that stays al dente. Cook in salted water for 9–11 minutes.",
            "Итальянские спагетти из твёрдых сортов пшеницы, которые остаются al dente. Варить в подсоленной воде 9–11 минут.",
        ),
        attributes: &[
            (ORIGIN, ITALY),
            (
                INGREDIENTS,
                tr(
                    "Kõva nisu manna, vesi",
                    "Durum wheat semolina, water",
                    "Мука из твёрдых сортов пшеницы, вода",
                ),
            ),
            (COOKING_TIME, tr("9–11 min", "9–11 min", "9–11 мин")),
            (STORAGE, DRY_PLACE),
            (SHELF_LIFE, MONTHS_24),
        ],
        base_price_cents: 179,
        perishable: false,
        cold_chain: false,
        storable: true,
        image: "pasta.svg",
    },
    DemoProductLine {
        category: "dry-goods",
        name: tr("Piimašokolaad", "Milk chocolate", "Молочный шоколад"),
        brands: &["Kalev", "Laima"],
        variants: &[tr("100 g", "100 g", "100 г"), tr("200 g", "200 g", "200 г")],
        description: tr(
            "Pehme ja kreemja maitsega piimašokolaad, mis sulab suus. Hea kohvi kõrvale, väikeseks kingituseks või küpsetistesse.",
            "Smooth, creamy milk chocolate that melts in the mouth. Great with coffee, as a small gift or in baking.",
            "Нежный молочный шоколад со сливочным вкусом, который тает во рту. Хорош к кофе, в подарок или для выпечки.",
        ),
        attributes: &[
            (ORIGIN, EU),
            (
                tr("Kakaosisaldus", "Cocoa solids", "Содержание какао"),
                tr("vähemalt 30%", "at least 30%", "не менее 30%"),
            ),
            (
                STORAGE,
                tr(
                    "Kuivas kohas +15…+18 °C",
                    "In a dry place at +15…+18 °C",
                    "В сухом месте при +15…+18 °C",
                ),
            ),
            (SHELF_LIFE, MONTHS_12),
        ],
        base_price_cents: 229,
        perishable: false,
        cold_chain: false,
        storable: true,
        image: "chocolate.svg",
    },
    DemoProductLine {
        category: "dry-goods",
        name: tr("Kaerahelbed", "Rolled oats", "Овсяные хлопья"),
        brands: &["Veski Mati", "Tartu Mill"],
        variants: &[tr("500 g", "500 g", "500 г"), tr("1 kg", "1 kg", "1 кг")],
        description: tr(
            "Täisteraviljast kaerahelbed hommikupudru, müsli ja küpsetiste jaoks. Puder valmib viie minutiga ja annab pikaks ajaks kõhutäie.",
            "Wholegrain rolled oats for porridge, muesli and baking. Porridge is ready in five minutes and keeps you full for hours.",
            "Цельнозерновые овсяные хлопья для каши, мюсли и выпечки. Каша готовится за пять минут и надолго даёт чувство сытости.",
        ),
        attributes: &[
            (ORIGIN, ESTONIA),
            (COOKING_TIME, tr("5 min", "5 min", "5 мин")),
            (
                tr("Kiudained", "Fibre", "Клетчатка"),
                tr("10 g / 100 g", "10 g / 100 g", "10 г / 100 г"),
            ),
            (STORAGE, DRY_PLACE),
            (SHELF_LIFE, MONTHS_12),
        ],
        base_price_cents: 129,
        perishable: false,
        cold_chain: false,
        storable: true,
        image: "grain-bag.svg",
    },
    // ----- Food: coffee & tea --------------------------------------------
    DemoProductLine {
        category: "coffee-tea",
        name: tr("Jahvatatud kohv", "Ground coffee", "Молотый кофе"),
        brands: &["Paulig", "Löfbergs", "Meira"],
        variants: &[tr("250 g", "250 g", "250 г"), tr("500 g", "500 g", "500 г")],
        description: tr(
            "Keskmise röstiastmega 100% araabika kohv, mis on jahvatatud filtrikohvimasina ja presskannu jaoks. Tasakaalukas maitse šokolaadi ja röstitud pähklite nootidega.",
            "Medium roast 100% Arabica coffee, ground for filter machines and French presses. A balanced taste with notes of chocolate and roasted nuts.",
            "Кофе средней обжарки из 100% арабики, молотый для капельных кофеварок и френч-пресса. Сбалансированный вкус с нотами шоколада и жареных орехов.",
        ),
        attributes: &[
            (ROAST, tr("Keskmine (3/5)", "Medium (3/5)", "Средняя (3/5)")),
            (COFFEE_TYPE, tr("100% araabika", "100% Arabica", "100% арабика")),
            (
                tr("Jahvatus", "Grind", "Помол"),
                tr("Filtrikohvile", "For filter coffee", "Для фильтр-кофе"),
            ),
            (STORAGE, DRY_PLACE),
            (SHELF_LIFE, MONTHS_12),
        ],
        base_price_cents: 549,
        perishable: false,
        cold_chain: false,
        storable: true,
        image: "coffee-bag.svg",
    },
    DemoProductLine {
        category: "coffee-tea",
        name: tr("Kohvioad", "Coffee beans", "Кофе в зёрнах"),
        brands: &["Paulig", "Lavazza"],
        variants: &[tr("500 g", "500 g", "500 г"), tr("1 kg", "1 kg", "1 кг")],
        description: tr(
            "Espressoks röstitud terved kohvioad araabika ja robusta segust. Annavad täidlase, paksu kreemaga espresso ning sobivad hästi ka piimaga kohvijookidesse.",
            "Whole beans roasted for espresso, a blend of Arabica and Robusta. They make a full-bodied espresso with thick crema and work well in milk drinks.",
            "Цельные зёрна эспрессо-обжарки, смесь арабики и робусты. Дают насыщенный эспрессо с густой пенкой и хорошо подходят для напитков с молоком.",
        ),
        attributes: &[
            (ROAST, tr("Tume (4/5)", "Dark (4/5)", "Тёмная (4/5)")),
            (
                COFFEE_TYPE,
                tr(
                    "Araabika ja robusta",
                    "Arabica and Robusta",
                    "Арабика и робуста",
                ),
            ),
            (STORAGE, DRY_PLACE),
            (SHELF_LIFE, MONTHS_18),
        ],
        base_price_cents: 1049,
        perishable: false,
        cold_chain: false,
        storable: true,
        image: "coffee-bag.svg",
    },
    DemoProductLine {
        category: "coffee-tea",
        name: tr("Must tee", "Black tea", "Чёрный чай"),
        brands: &["Ahmad Tea", "Lipton"],
        variants: &[
            tr("25 teepakki", "25 tea bags", "25 пакетиков"),
            tr("100 teepakki", "100 tea bags", "100 пакетиков"),
        ],
        description: tr(
            "Tugev ja aromaatne must tee Assami ja Tseiloni teelehtedest. Tõmba 3–4 minutit keevas vees ja joo niisama, sidruni või piimaga.",
            "Strong, aromatic black tea from Assam and Ceylon leaves. Brew for 3–4 minutes in boiling water and drink plain, with lemon or with milk.",
            "Крепкий ароматный чёрный чай из ассамских и цейлонских листьев. Заваривать 3–4 минуты в кипятке, пить без добавок, с лимоном или с молоком.",
        ),
        attributes: &[
            (
                tr("Teesort", "Tea type", "Вид чая"),
                tr("Assam ja Tseilon", "Assam and Ceylon", "Ассам и цейлон"),
            ),
            (
                tr("Tõmbamisaeg", "Brewing time", "Время заваривания"),
                tr("3–4 min", "3–4 min", "3–4 мин"),
            ),
            (STORAGE, DRY_PLACE),
            (SHELF_LIFE, MONTHS_24),
        ],
        base_price_cents: 279,
        perishable: false,
        cold_chain: false,
        storable: true,
        image: "tea.svg",
    },
    // ----- Food: drinks --------------------------------------------------
    DemoProductLine {
        category: "drinks",
        name: tr(
            "Gaseeritud mineraalvesi",
            "Sparkling mineral water",
            "Газированная минеральная вода",
        ),
        brands: &["Värska", "Sinilätte"],
        variants: &[tr("0,5 l", "0.5 l", "0,5 л"), tr("1,5 l", "1.5 l", "1,5 л")],
        description: tr(
            "Looduslik mineraalvesi sügavast puurkaevust, kergelt gaseeritud. Värskendava ja kergelt soolaka maitsega, mis sobib hästi toidu kõrvale.",
            "Natural mineral water from a deep borehole, lightly carbonated. Refreshing, with a slightly salty taste that goes well with meals.",
            "Природная минеральная вода из глубокой скважины, слабогазированная. Освежающий, слегка солоноватый вкус, который хорошо сочетается с едой.",
        ),
        attributes: &[
            (ORIGIN, ESTONIA),
            (
                tr("Üldmineraalsus", "Total mineral content", "Общая минерализация"),
                tr("1500 mg/l", "1500 mg/l", "1500 мг/л"),
            ),
            (PACKAGING, PET_DEPOSIT),
            (STORAGE, DRY_PLACE),
            (SHELF_LIFE, MONTHS_12),
        ],
        base_price_cents: 99,
        perishable: false,
        cold_chain: false,
        storable: true,
        image: "bottle.svg",
    },
    DemoProductLine {
        category: "drinks",
        name: tr("Õunamahl 100%", "Apple juice 100%", "Яблочный сок 100%"),
        brands: &["Aura", "Põltsamaa"],
        variants: &[tr("1 l", "1 l", "1 л"), tr("2 l", "2 l", "2 л")],
        description: tr(
            "Eesti õuntest pressitud naturaalne mahl ilma lisatud suhkru ja säilitusaineteta. Pärast avamist hoia külmkapis ja tarvita viie päeva jooksul.",
            "Natural juice pressed from Estonian apples, with no added sugar or preservatives. Once opened, keep refrigerated and drink within five days.",
            "Натуральный сок прямого отжима из эстонских яблок, без добавленного сахара и консервантов. После вскрытия хранить в холодильнике и употребить в течение пяти дней.",
        ),
        attributes: &[
            (ORIGIN, ESTONIA),
            (
                INGREDIENTS,
                tr("100% õunamahl", "100% apple juice", "100% яблочный сок"),
            ),
            (STORAGE, DRY_PLACE),
            (SHELF_LIFE, MONTHS_12),
        ],
        base_price_cents: 229,
        perishable: false,
        cold_chain: false,
        storable: true,
        image: "bottle.svg",
    },
    DemoProductLine {
        category: "drinks",
        name: tr("Leivakali", "Bread kvass", "Хлебный квас"),
        brands: &["Saku", "A. Le Coq"],
        variants: &[tr("0,5 l", "0.5 l", "0,5 л"), tr("1,5 l", "1.5 l", "1,5 л")],
        description: tr(
            "Rukkileivast ja linnastest valmistatud kergelt gaseeritud kali, mille maitse on meeldivalt magus ja leivane. Serveeri hästi jahutatult.",
            "Lightly sparkling kvass brewed from rye bread and malt, with a pleasantly sweet, bready taste. Serve well chilled.",
            "Слабогазированный квас из ржаного хлеба и солода с приятным сладковатым хлебным вкусом. Подавать хорошо охлаждённым.",
        ),
        attributes: &[
            (ORIGIN, ESTONIA),
            (
                INGREDIENTS,
                tr(
                    "Vesi, suhkur, rukkilinnased, odralinnased, pärm",
                    "Water, sugar, rye malt, barley malt, yeast",
                    "Вода, сахар, ржаной солод, ячменный солод, дрожжи",
                ),
            ),
            (PACKAGING, PET_DEPOSIT),
            (SHELF_LIFE, tr("6 kuud", "6 months", "6 месяцев")),
        ],
        base_price_cents: 129,
        perishable: false,
        cold_chain: false,
        storable: true,
        image: "bottle.svg",
    },
    // ----- Electronics: phones & accessories -----------------------------
    DemoProductLine {
        category: "phones-accessories",
        name: tr("Nutitelefon", "Smartphone", "Смартфон"),
        brands: &["Nordis", "Lumo"],
        variants: &[
            tr("128 GB, must", "128 GB, black", "128 ГБ, чёрный"),
            tr("128 GB, sinine", "128 GB, blue", "128 ГБ, синий"),
            tr("256 GB, must", "256 GB, black", "256 ГБ, чёрный"),
        ],
        description: tr(
            "Kerge ja õhuke nutitelefon 6,5-tollise OLED-ekraani, 50 MP kaamera ja terve päeva vastu pidava akuga. Toetab 5G-võrku, NFC-makseid ja kahte SIM-kaarti.",
            "A light, slim smartphone with a 6.5-inch OLED screen, a 50 MP camera and a battery that lasts all day. Supports 5G, NFC payments and dual SIM.",
            "Лёгкий и тонкий смартфон с 6,5-дюймовым OLED-экраном, камерой 50 Мп и аккумулятором, которого хватает на весь день. Поддерживает 5G, оплату через NFC и две SIM-карты.",
        ),
        attributes: &[
            (WARRANTY, WARRANTY_2Y),
            (
                tr("Ekraan", "Screen", "Экран"),
                tr(
                    "6,5 tolli, OLED, 120 Hz",
                    "6.5 in, OLED, 120 Hz",
                    "6,5 дюйма, OLED, 120 Гц",
                ),
            ),
            (
                tr("Aku", "Battery", "Аккумулятор"),
                tr("5000 mAh", "5000 mAh", "5000 мА·ч"),
            ),
            (
                CONNECTIVITY,
                tr(
                    "5G, Wi-Fi 6, Bluetooth 5.3, NFC",
                    "5G, Wi-Fi 6, Bluetooth 5.3, NFC",
                    "5G, Wi-Fi 6, Bluetooth 5.3, NFC",
                ),
            ),
            (
                tr("Kaamera", "Camera", "Камера"),
                tr("50 MP + 8 MP", "50 MP + 8 MP", "50 Мп + 8 Мп"),
            ),
        ],
        base_price_cents: 34900,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "phone.svg",
    },
    DemoProductLine {
        category: "phones-accessories",
        name: tr(
            "USB-C kiirlaadija",
            "USB-C fast charger",
            "Быстрое зарядное устройство USB-C",
        ),
        brands: &["Voltex", "Lumo"],
        variants: &[tr("20 W", "20 W", "20 Вт"), tr("45 W", "45 W", "45 Вт")],
        description: tr(
            "Kompaktne USB-C seinalaadija Power Delivery toega, mis laeb telefoni 30 minutiga kuni 50%-ni. Sisseehitatud kaitse ülepinge ja ülekuumenemise eest.",
            "A compact USB-C wall charger with Power Delivery that charges a phone to 50% in 30 minutes. Built-in protection against overvoltage and overheating.",
            "Компактное сетевое зарядное устройство USB-C с поддержкой Power Delivery заряжает телефон до 50% за 30 минут. Встроенная защита от перенапряжения и перегрева.",
        ),
        attributes: &[
            (WARRANTY, WARRANTY_2Y),
            (
                tr("Pistik", "Plug", "Вилка"),
                tr("EU (tüüp C)", "EU (type C)", "EU (тип C)"),
            ),
            (
                CONNECTIVITY,
                tr("1 × USB-C, PD 3.0", "1 × USB-C, PD 3.0", "1 × USB-C, PD 3.0"),
            ),
            (COLOUR, tr("Valge", "White", "Белый")),
        ],
        base_price_cents: 1999,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "charger.svg",
    },
    DemoProductLine {
        category: "phones-accessories",
        name: tr("Akupank", "Power bank", "Внешний аккумулятор"),
        brands: &["Voltex", "Ampera"],
        variants: &[
            tr("10 000 mAh", "10,000 mAh", "10 000 мА·ч"),
            tr("20 000 mAh", "20,000 mAh", "20 000 мА·ч"),
        ],
        description: tr(
            "Taskusse mahtuv akupank USB-C ja USB-A väljundiga, mis laeb korraga kahte seadet. LED-tuled näitavad järelejäänud laetust.",
            "A pocket-sized power bank with USB-C and USB-A outputs that charges two devices at once. LED lights show the remaining charge.",
            "Карманный внешний аккумулятор с выходами USB-C и USB-A, заряжающий два устройства одновременно. Светодиоды показывают оставшийся заряд.",
        ),
        attributes: &[
            (WARRANTY, WARRANTY_2Y),
            (
                CONNECTIVITY,
                tr(
                    "USB-C (sisend/väljund), USB-A",
                    "USB-C (in/out), USB-A",
                    "USB-C (вход/выход), USB-A",
                ),
            ),
            (POWER, tr("kuni 22,5 W", "up to 22.5 W", "до 22,5 Вт")),
            (COLOUR, tr("Must", "Black", "Чёрный")),
        ],
        base_price_cents: 2999,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "charger.svg",
    },
    // ----- Electronics: audio --------------------------------------------
    DemoProductLine {
        category: "audio",
        name: tr(
            "Juhtmevabad kõrvaklapid",
            "Wireless headphones",
            "Беспроводные наушники",
        ),
        brands: &["Sonora", "Kuulo"],
        variants: &[
            tr("must", "black", "чёрные"),
            tr("valge", "white", "белые"),
        ],
        description: tr(
            "Kõrvu ümbritsevad juhtmevabad kõrvaklapid aktiivse mürasummutusega, mis vaigistavad bussi- ja kontorimüra. Pehmed mäluvahust padjad ja kuni 40-tunnine aku muudavad need mugavaks ka pikal reisil.",
            "Over-ear wireless headphones with active noise cancelling that silences bus and office noise. Soft memory-foam cushions and up to 40 hours of battery make them comfortable on long journeys too.",
            "Полноразмерные беспроводные наушники с активным шумоподавлением, которое заглушает шум автобуса и офиса. Мягкие амбушюры с эффектом памяти и до 40 часов работы делают их удобными и в долгой поездке.",
        ),
        attributes: &[
            (WARRANTY, WARRANTY_2Y),
            (BATTERY, tr("kuni 40 h", "up to 40 h", "до 40 ч")),
            (
                CONNECTIVITY,
                tr(
                    "Bluetooth 5.3, 3,5 mm AUX",
                    "Bluetooth 5.3, 3.5 mm AUX",
                    "Bluetooth 5.3, AUX 3,5 мм",
                ),
            ),
            (
                tr("Mürasummutus", "Noise cancelling", "Шумоподавление"),
                tr("Aktiivne (ANC)", "Active (ANC)", "Активное (ANC)"),
            ),
            (WEIGHT, tr("250 g", "250 g", "250 г")),
        ],
        base_price_cents: 8999,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "headphones.svg",
    },
    DemoProductLine {
        category: "audio",
        name: tr(
            "Juhtmevabad nööpkõrvaklapid",
            "Wireless earbuds",
            "Беспроводные наушники-вкладыши",
        ),
        brands: &["Sonora", "Kuulo", "Bassik"],
        variants: &[
            tr("must", "black", "чёрные"),
            tr("valge", "white", "белые"),
        ],
        description: tr(
            "Kerged juhtmevabad nööpkõrvaklapid laadimiskarbiga, mis mahub hõlpsasti taskusse. Puutetundlik juhtimine, selge kõnekvaliteet ja IPX4 niiskuskaitse trenni jaoks.",
            "Light wireless earbuds with a charging case that easily fits in a pocket. Touch controls, clear call quality and IPX4 splash resistance for workouts.",
            "Лёгкие беспроводные наушники-вкладыши с зарядным кейсом, который легко помещается в карман. Сенсорное управление, чёткая связь при звонках и защита от брызг IPX4 для тренировок.",
        ),
        attributes: &[
            (WARRANTY, WARRANTY_2Y),
            (
                BATTERY,
                tr(
                    "6 h + 24 h laadimiskarbiga",
                    "6 h + 24 h with the case",
                    "6 ч + 24 ч с кейсом",
                ),
            ),
            (
                CONNECTIVITY,
                tr("Bluetooth 5.3", "Bluetooth 5.3", "Bluetooth 5.3"),
            ),
            (
                tr("Niiskuskaitse", "Water resistance", "Влагозащита"),
                tr("IPX4", "IPX4", "IPX4"),
            ),
        ],
        base_price_cents: 4999,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "headphones.svg",
    },
    DemoProductLine {
        category: "audio",
        name: tr("Bluetooth-kõlar", "Bluetooth speaker", "Bluetooth-колонка"),
        brands: &["Kuulo", "Bassik"],
        variants: &[
            tr("must", "black", "чёрная"),
            tr("sinine", "blue", "синяя"),
            tr("punane", "red", "красная"),
        ],
        description: tr(
            "Vastupidav kaasaskantav kõlar sügava bassi ja 360° heliga. IP67 veekindlusega kõlar sobib randa ja saunaterrassile ning aku peab vastu kuni 15 tundi.",
            "A rugged portable speaker with deep bass and 360° sound. IP67 waterproofing makes it at home on the beach or the sauna terrace, and the battery lasts up to 15 hours.",
            "Прочная портативная колонка с глубоким басом и круговым звуком 360°. Благодаря защите IP67 её можно брать на пляж или на террасу у сауны, а аккумулятора хватает до 15 часов.",
        ),
        attributes: &[
            (WARRANTY, WARRANTY_2Y),
            (BATTERY, tr("kuni 15 h", "up to 15 h", "до 15 ч")),
            (
                CONNECTIVITY,
                tr(
                    "Bluetooth 5.3, USB-C",
                    "Bluetooth 5.3, USB-C",
                    "Bluetooth 5.3, USB-C",
                ),
            ),
            (POWER, tr("20 W", "20 W", "20 Вт")),
            (WATERPROOF, tr("IP67", "IP67", "IP67")),
        ],
        base_price_cents: 5999,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "speaker.svg",
    },
    // ----- Electronics: small appliances ---------------------------------
    DemoProductLine {
        category: "small-appliances",
        name: tr("Veekeetja 1,7 l", "Kettle 1.7 l", "Электрочайник 1,7 л"),
        brands: &["Nordhaus", "Kuum"],
        variants: &[
            tr("valge", "white", "белый"),
            tr("roostevaba teras", "stainless steel", "нержавеющая сталь"),
        ],
        description: tr(
            "Kiire 2200 W veekeetja, mis ajab liitri vett keema umbes kahe ja poole minutiga. Eemaldatav katlakivifilter ja automaatne väljalülitus.",
            "A fast 2200 W kettle that boils a litre of water in about two and a half minutes. Removable limescale filter and automatic switch-off.",
            "Быстрый электрочайник мощностью 2200 Вт: литр воды закипает примерно за две с половиной минуты. Съёмный фильтр от накипи и автоматическое отключение.",
        ),
        attributes: &[
            (WARRANTY, WARRANTY_2Y),
            (POWER, tr("2200 W", "2200 W", "2200 Вт")),
            (
                SAFETY,
                tr(
                    "Automaatne väljalülitus, kuivkeemise kaitse",
                    "Auto switch-off, boil-dry protection",
                    "Автоотключение, защита от включения без воды",
                ),
            ),
            (
                tr("Toitejuhe", "Power cord", "Шнур питания"),
                tr("0,75 m", "0.75 m", "0,75 м"),
            ),
        ],
        base_price_cents: 3499,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "kettle.svg",
    },
    DemoProductLine {
        category: "small-appliances",
        name: tr("Saumikser", "Hand blender", "Погружной блендер"),
        brands: &["Nordhaus", "Miksa"],
        variants: &[tr("600 W", "600 W", "600 Вт"), tr("1000 W", "1000 W", "1000 Вт")],
        description: tr(
            "Roostevabast terasest jalaga saumikser supi, smuuti ja beebitoidu püreestamiseks. Komplektis on mõõtekann ja vispel ning mootori kiirust saab reguleerida sujuvalt.",
            "A hand blender with a stainless steel shaft for puréeing soups, smoothies and baby food. It comes with a measuring beaker and a whisk, and the motor speed is fully adjustable.",
            "Погружной блендер с насадкой из нержавеющей стали для супов-пюре, смузи и детского питания. В комплекте мерный стакан и венчик, скорость мотора регулируется плавно.",
        ),
        attributes: &[
            (WARRANTY, WARRANTY_2Y),
            (
                tr("Kiirused", "Speeds", "Скорости"),
                tr(
                    "Sujuv reguleerimine + turbo",
                    "Variable + turbo",
                    "Плавная регулировка + турбо",
                ),
            ),
            (
                INCLUDED,
                tr(
                    "Mõõtekann 700 ml, vispel",
                    "700 ml beaker, whisk",
                    "Мерный стакан 700 мл, венчик",
                ),
            ),
            (
                COLOUR,
                tr("Must/hõbedane", "Black/silver", "Чёрный/серебристый"),
            ),
        ],
        base_price_cents: 3999,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "blender.svg",
    },
    DemoProductLine {
        category: "small-appliances",
        name: tr("Lauablender", "Countertop blender", "Стационарный блендер"),
        brands: &["Nordhaus", "Miksa"],
        variants: &[tr("1,5 l", "1.5 l", "1,5 л"), tr("2 l", "2 l", "2 л")],
        description: tr(
            "Võimas lauablender klaaskannu ja kuueteralise noaga, mis purustab ka jää ja külmutatud marjad. Kolm programmi: smuuti, jää purustamine ja impulssrežiim.",
            "A powerful countertop blender with a glass jug and a six-blade knife that crushes even ice and frozen berries. Three programmes: smoothie, ice crush and pulse.",
            "Мощный стационарный блендер со стеклянной чашей и шестилопастным ножом, который измельчает даже лёд и замороженные ягоды. Три программы: смузи, колка льда и импульсный режим.",
        ),
        attributes: &[
            (WARRANTY, WARRANTY_2Y),
            (POWER, tr("1200 W", "1200 W", "1200 Вт")),
            (
                MATERIAL,
                tr(
                    "Klaaskann, roostevabast terasest terad",
                    "Glass jug, stainless steel blades",
                    "Стеклянная чаша, ножи из нержавеющей стали",
                ),
            ),
            (
                tr("Programmid", "Programmes", "Программы"),
                tr("3 + impulss", "3 + pulse", "3 + импульсный режим"),
            ),
        ],
        base_price_cents: 6999,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "blender.svg",
    },
    // ----- Home & kitchen: cookware --------------------------------------
    DemoProductLine {
        category: "cookware",
        name: tr("Praepann", "Frying pan", "Сковорода"),
        brands: &["Kokkami", "Ferra"],
        variants: &[tr("24 cm", "24 cm", "24 см"), tr("28 cm", "28 cm", "28 см")],
        description: tr(
            "Valualumiiniumist praepann kolmekihilise mittenakkuva kattega, millele toit ei kõrbe kinni. Sobib kõikidele pliitidele, sealhulgas induktsioonpliidile.",
            "A cast aluminium frying pan with a three-layer non-stick coating, so food doesn't burn on. Suitable for all hobs, including induction.",
            "Сковорода из литого алюминия с трёхслойным антипригарным покрытием, к которому не пригорает еда. Подходит для всех плит, включая индукционные.",
        ),
        attributes: &[
            (
                MATERIAL,
                tr(
                    "Valualumiinium, mittenakkuv kate",
                    "Cast aluminium, non-stick coating",
                    "Литой алюминий, антипригарное покрытие",
                ),
            ),
            (HOBS, ALL_HOBS),
            (CARE, DISHWASHER),
            (WARRANTY, WARRANTY_5Y),
        ],
        base_price_cents: 2999,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "pan.svg",
    },
    DemoProductLine {
        category: "cookware",
        name: tr("Pannkoogipann", "Pancake pan", "Сковорода для блинов"),
        brands: &["Kokkami", "Ferra"],
        variants: &[tr("22 cm", "22 cm", "22 см"), tr("25 cm", "25 cm", "25 см")],
        description: tr(
            "Madala servaga pannkoogipann, millelt õhukesed pannkoogid libisevad kergesti taldrikule. Mittenakkuv kate võimaldab küpsetada väga vähese rasvaga.",
            "A low-sided pancake pan that lets thin pancakes slide easily onto the plate. The non-stick coating means you need very little fat.",
            "Сковорода для блинов с низкими бортиками, с которой тонкие блины легко соскальзывают на тарелку. Антипригарное покрытие позволяет жарить почти без масла.",
        ),
        attributes: &[
            (
                MATERIAL,
                tr(
                    "Alumiinium, mittenakkuv kate",
                    "Aluminium, non-stick coating",
                    "Алюминий, антипригарное покрытие",
                ),
            ),
            (HOBS, ALL_HOBS),
            (CARE, HAND_WASH),
            (WARRANTY, WARRANTY_2Y),
        ],
        base_price_cents: 2499,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "pan.svg",
    },
    DemoProductLine {
        category: "cookware",
        name: tr("Pott kaanega", "Saucepan with lid", "Кастрюля с крышкой"),
        brands: &["Kokkami", "Ferra"],
        variants: &[tr("2 l", "2 l", "2 л"), tr("4 l", "4 l", "4 л")],
        description: tr(
            "Roostevabast terasest kapselpõhja ja klaaskaanega pott, mis jaotab soojust ühtlaselt. Poti sees on mõõteskaala ja käepidemed ei kuumene.",
            "A stainless steel saucepan with an encapsulated base and a glass lid that spreads heat evenly. Measuring scale inside and stay-cool handles.",
            "Кастрюля из нержавеющей стали с капсульным дном и стеклянной крышкой, равномерно распределяющая тепло. Мерная шкала внутри и ручки, которые не нагреваются.",
        ),
        attributes: &[
            (
                MATERIAL,
                tr(
                    "Roostevaba teras 18/10",
                    "18/10 stainless steel",
                    "Нержавеющая сталь 18/10",
                ),
            ),
            (HOBS, ALL_HOBS),
            (CARE, DISHWASHER),
            (WARRANTY, WARRANTY_5Y),
        ],
        base_price_cents: 3499,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "pot.svg",
    },
    // ----- Home & kitchen: cleaning --------------------------------------
    DemoProductLine {
        category: "cleaning",
        name: tr(
            "Nõudepesuvahend",
            "Washing-up liquid",
            "Средство для мытья посуды",
        ),
        brands: &["Mayeri", "Puhas Kodu"],
        variants: &[tr("500 ml", "500 ml", "500 мл"), tr("1 l", "1 l", "1 л")],
        description: tr(
            "Kontsentreeritud nõudepesuvahend, mis eemaldab rasva ka jahedas vees. Õrn kätele ja värske sidrunilõhnaga.",
            "A concentrated washing-up liquid that cuts grease even in cool water. Gentle on hands, with a fresh lemon scent.",
            "Концентрированное средство для мытья посуды, которое удаляет жир даже в прохладной воде. Бережно к коже рук, со свежим ароматом лимона.",
        ),
        attributes: &[
            (ORIGIN, ESTONIA),
            (SCENT, tr("Sidrun", "Lemon", "Лимон")),
            (
                INGREDIENTS,
                tr(
                    "5–15% anioonsed pindaktiivsed ained, <5% mitteioonsed pindaktiivsed ained, lõhnaained",
                    "5–15% anionic surfactants, <5% non-ionic surfactants, perfume",
                    "5–15% анионные ПАВ, <5% неионогенные ПАВ, отдушка",
                ),
            ),
            (
                tr("Biolagunevus", "Biodegradability", "Биоразлагаемость"),
                tr(
                    "Pindaktiivsed ained on biolagunevad",
                    "Surfactants are biodegradable",
                    "ПАВ биоразлагаемы",
                ),
            ),
        ],
        base_price_cents: 249,
        perishable: false,
        cold_chain: false,
        storable: true,
        image: "liquid-bottle.svg",
    },
    DemoProductLine {
        category: "cleaning",
        name: tr(
            "Pesupulber värvilisele pesule",
            "Laundry powder for colours",
            "Стиральный порошок для цветного белья",
        ),
        brands: &["Mayeri", "Puhas Kodu"],
        variants: &[tr("1,5 kg", "1.5 kg", "1,5 кг"), tr("3 kg", "3 kg", "3 кг")],
        description: tr(
            "Pesupulber, mis eemaldab plekid juba 30 °C juures ja hoiab värvid erksana. Sobib nii masin- kui ka käsipesuks.",
            "A laundry powder that removes stains from 30 °C and keeps colours bright. Suitable for machine and hand washing.",
            "Стиральный порошок, который удаляет пятна уже при 30 °C и сохраняет яркость цветов. Подходит для машинной и ручной стирки.",
        ),
        attributes: &[
            (ORIGIN, ESTONIA),
            (
                DOSAGE,
                tr("75 g pesukorra kohta", "75 g per wash", "75 г на одну стирку"),
            ),
            (
                tr("Pesutemperatuur", "Wash temperature", "Температура стирки"),
                tr("30–60 °C", "30–60 °C", "30–60 °C"),
            ),
            (STORAGE, DRY_PLACE),
        ],
        base_price_cents: 899,
        perishable: false,
        cold_chain: false,
        storable: true,
        image: "detergent.svg",
    },
    DemoProductLine {
        category: "cleaning",
        name: tr(
            "Tualettpaber, 3-kihiline",
            "Toilet paper, 3-ply",
            "Туалетная бумага, 3-слойная",
        ),
        brands: &["Grite", "Zewa"],
        variants: &[
            tr("8 rulli", "8 rolls", "8 рулонов"),
            tr("16 rulli", "16 rolls", "16 рулонов"),
        ],
        description: tr(
            "Pehme kolmekihiline tualettpaber FSC-sertifikaadiga tselluloosist. Rullid on pakitud kompaktselt ja mahuvad kergesti kappi.",
            "Soft three-ply toilet paper made from FSC-certified pulp. The rolls are compactly packed and fit easily into a cupboard.",
            "Мягкая трёхслойная туалетная бумага из целлюлозы с сертификатом FSC. Рулоны компактно упакованы и легко помещаются в шкаф.",
        ),
        attributes: &[
            (ORIGIN, EU),
            (
                tr("Lehti rullis", "Sheets per roll", "Листов в рулоне"),
                tr("150", "150", "150"),
            ),
            (
                MATERIAL,
                tr(
                    "100% tselluloos, FSC",
                    "100% pulp, FSC",
                    "100% целлюлоза, FSC",
                ),
            ),
            (COLOUR, tr("Valge", "White", "Белый")),
        ],
        base_price_cents: 499,
        perishable: false,
        cold_chain: false,
        storable: true,
        image: "toilet-paper.svg",
    },
    // ----- Home & kitchen: textiles --------------------------------------
    DemoProductLine {
        category: "home-textiles",
        name: tr("Froteerätik", "Terry towel", "Махровое полотенце"),
        brands: &["Linas", "Nordlin"],
        variants: &[
            tr("50 × 70 cm, hall", "50 × 70 cm, grey", "50 × 70 см, серое"),
            tr("70 × 140 cm, hall", "70 × 140 cm, grey", "70 × 140 см, серое"),
        ],
        description: tr(
            "Paks ja imav 100% puuvillast froteerätik tihedusega 500 g/m². Jääb pehmeks ka pärast paljusid pesukordi.",
            "A thick, absorbent 100% cotton terry towel weighing 500 g/m². It stays soft wash after wash.",
            "Плотное впитывающее махровое полотенце из 100% хлопка плотностью 500 г/м². Остаётся мягким даже после многих стирок.",
        ),
        attributes: &[
            (ORIGIN, LITHUANIA),
            (MATERIAL, tr("100% puuvill", "100% cotton", "100% хлопок")),
            (
                tr("Tihedus", "Weight", "Плотность"),
                tr("500 g/m²", "500 g/m²", "500 г/м²"),
            ),
            (CARE, WASH_60),
        ],
        base_price_cents: 1499,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "towel.svg",
    },
    DemoProductLine {
        category: "home-textiles",
        name: tr("Aastaringne tekk", "All-season duvet", "Всесезонное одеяло"),
        brands: &["Nordlin", "Unelm"],
        variants: &[
            tr("140 × 200 cm", "140 × 200 cm", "140 × 200 см"),
            tr("200 × 220 cm", "200 × 220 cm", "200 × 220 см"),
        ],
        description: tr(
            "Kerge ja hingav aastaringne tekk mikrokiudtäidisega, mis sobib ka allergikutele. Tekki võib pesta pesumasinas 60 °C juures.",
            "A light, breathable all-season duvet with a microfibre filling that suits allergy sufferers. Machine washable at 60 °C.",
            "Лёгкое дышащее всесезонное одеяло с наполнителем из микроволокна, подходит аллергикам. Можно стирать в машине при 60 °C.",
        ),
        attributes: &[
            (ORIGIN, ESTONIA),
            (MATERIAL, BED_MATERIAL),
            (
                tr("Täidise kaal", "Filling weight", "Вес наполнителя"),
                tr("250 g/m²", "250 g/m²", "250 г/м²"),
            ),
            (CARE, WASH_60),
        ],
        base_price_cents: 4999,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "pillow.svg",
    },
    DemoProductLine {
        category: "home-textiles",
        name: tr("Padi", "Pillow", "Подушка"),
        brands: &["Nordlin", "Unelm"],
        variants: &[
            tr("50 × 60 cm", "50 × 60 cm", "50 × 60 см"),
            tr("50 × 70 cm", "50 × 70 cm", "50 × 70 см"),
        ],
        description: tr(
            "Keskmise kõrgusega padi, mis toetab kaela nii selili kui ka külili magades. Õhuline täidis taastab kuju pärast kohendamist.",
            "A medium-height pillow that supports the neck whether you sleep on your back or on your side. The airy filling regains its shape after a quick shake.",
            "Подушка средней высоты, которая поддерживает шею во сне на спине и на боку. Воздушный наполнитель восстанавливает форму, если подушку встряхнуть.",
        ),
        attributes: &[
            (ORIGIN, ESTONIA),
            (MATERIAL, BED_MATERIAL),
            (
                tr("Kõrgus", "Height", "Высота"),
                tr("Keskmine", "Medium", "Средняя"),
            ),
            (CARE, WASH_60),
        ],
        base_price_cents: 2499,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "pillow.svg",
    },
    // ----- Beauty & health: personal care --------------------------------
    DemoProductLine {
        category: "personal-care",
        name: tr(
            "Šampoon igapäevaseks kasutamiseks",
            "Everyday shampoo",
            "Шампунь для ежедневного применения",
        ),
        brands: &["Nurme", "Mayeri"],
        variants: &[tr("250 ml", "250 ml", "250 мл"), tr("500 ml", "500 ml", "500 мл")],
        description: tr(
            "Õrn šampoon igapäevaseks pesuks, mis puhastab juukseid ja peanahka neid kuivatamata. Sisaldab kaeraekstrakti ja pantenooli ning sobib kogu perele.",
            "A gentle shampoo for everyday use that cleans hair and scalp without drying them out. Contains oat extract and panthenol and suits the whole family.",
            "Мягкий шампунь для ежедневного мытья, который очищает волосы и кожу головы, не пересушивая их. Содержит экстракт овса и пантенол, подходит всей семье.",
        ),
        attributes: &[
            (ORIGIN, ESTONIA),
            (
                tr("Juuksetüüp", "Hair type", "Тип волос"),
                tr(
                    "Kõik juuksetüübid",
                    "All hair types",
                    "Для всех типов волос",
                ),
            ),
            (
                KEY_INGREDIENTS,
                tr(
                    "Kaeraekstrakt, pantenool",
                    "Oat extract, panthenol",
                    "Экстракт овса, пантенол",
                ),
            ),
            (AFTER_OPENING, MONTHS_12),
        ],
        base_price_cents: 599,
        perishable: false,
        cold_chain: false,
        storable: true,
        image: "liquid-bottle.svg",
    },
    DemoProductLine {
        category: "personal-care",
        name: tr(
            "Fluoriidiga hambapasta",
            "Fluoride toothpaste",
            "Зубная паста с фтором",
        ),
        brands: &["Dentora", "Smilo"],
        variants: &[
            tr("75 ml", "75 ml", "75 мл"),
            tr("2 × 75 ml", "2 × 75 ml", "2 × 75 мл"),
        ],
        description: tr(
            "Piparmündimaitseline hambapasta 1450 ppm fluoriidiga, mis tugevdab hambaemaili ja kaitseb kaariese eest. Värskendab hingeõhku ja sobib igapäevaseks kasutamiseks.",
            "Mint toothpaste with 1450 ppm fluoride that strengthens enamel and protects against tooth decay. Freshens breath and is suitable for daily use.",
            "Зубная паста со вкусом мяты с 1450 ppm фтора укрепляет эмаль и защищает от кариеса. Освежает дыхание и подходит для ежедневного применения.",
        ),
        attributes: &[
            (ORIGIN, GERMANY),
            (
                tr("Fluoriidisisaldus", "Fluoride content", "Содержание фтора"),
                tr("1450 ppm", "1450 ppm", "1450 ppm"),
            ),
            (
                tr("Maitse", "Flavour", "Вкус"),
                tr("Piparmünt", "Mint", "Мята"),
            ),
            (
                AGE,
                tr("Alates 6 aastast", "From 6 years", "С 6 лет"),
            ),
        ],
        base_price_cents: 349,
        perishable: false,
        cold_chain: false,
        storable: true,
        image: "tube.svg",
    },
    DemoProductLine {
        category: "personal-care",
        name: tr("Kätekreem", "Hand cream", "Крем для рук"),
        brands: &["Nurme", "Joik"],
        variants: &[tr("50 ml", "50 ml", "50 мл"), tr("100 ml", "100 ml", "100 мл")],
        description: tr(
            "Kiiresti imenduv kätekreem sheavõi ja astelpajuõliga, mis kaitseb käsi külma ja tuule eest. Ei jäta rasvast kihti.",
            "A fast-absorbing hand cream with shea butter and sea buckthorn oil that protects hands from cold and wind. Leaves no greasy film.",
            "Быстро впитывающийся крем для рук с маслом ши и облепиховым маслом защищает кожу от холода и ветра. Не оставляет жирной плёнки.",
        ),
        attributes: &[
            (ORIGIN, ESTONIA),
            (
                tr("Nahatüüp", "Skin type", "Тип кожи"),
                tr(
                    "Kuiv ja tundlik",
                    "Dry and sensitive",
                    "Сухая и чувствительная",
                ),
            ),
            (
                KEY_INGREDIENTS,
                tr(
                    "Sheavõi, astelpajuõli",
                    "Shea butter, sea buckthorn oil",
                    "Масло ши, облепиховое масло",
                ),
            ),
            (AFTER_OPENING, MONTHS_12),
        ],
        base_price_cents: 699,
        perishable: false,
        cold_chain: false,
        storable: true,
        image: "tube.svg",
    },
    // ----- Beauty & health: vitamins & supplements -----------------------
    DemoProductLine {
        category: "vitamins-supplements",
        name: tr(
            "D3-vitamiin 50 µg (2000 RÜ)",
            "Vitamin D3 50 µg (2000 IU)",
            "Витамин D3 50 мкг (2000 МЕ)",
        ),
        brands: &["Vitabalt", "Nordvita"],
        variants: &[
            tr("60 tabletti", "60 tablets", "60 таблеток"),
            tr("120 tabletti", "120 tablets", "120 таблеток"),
        ],
        description: tr(
            "Toidulisand D-vitamiiniga, mis aitab kaasa luude, hammaste ja immuunsüsteemi normaalsele talitlusele. Eriti vajalik pimedal aastaajal, kui päikesevalgust napib.",
            "A food supplement with vitamin D, which contributes to the normal function of bones, teeth and the immune system. Especially useful in the dark months when sunlight is scarce.",
            "Пищевая добавка с витамином D, который способствует нормальному состоянию костей и зубов и работе иммунной системы. Особенно нужна в тёмное время года, когда не хватает солнца.",
        ),
        attributes: &[
            (ORIGIN, EU),
            (PRODUCT_TYPE, SUPPLEMENT),
            (
                DOSAGE,
                tr("1 tablett päevas", "1 tablet a day", "1 таблетка в день"),
            ),
            (STORAGE, DRY_PLACE),
        ],
        base_price_cents: 799,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "vitamins.svg",
    },
    DemoProductLine {
        category: "vitamins-supplements",
        name: tr("Oomega-3 kalaõli", "Omega-3 fish oil", "Рыбий жир омега-3"),
        brands: &["Nordvita", "Möller's"],
        variants: &[
            tr("60 kapslit", "60 capsules", "60 капсул"),
            tr("120 kapslit", "120 capsules", "120 капсул"),
        ],
        description: tr(
            "Puhastatud kalaõli kapslid oomega-3-rasvhapete EPA ja DHA-ga. DHA aitab kaasa normaalse ajutegevuse ja nägemise säilimisele.",
            "Purified fish oil capsules with the omega-3 fatty acids EPA and DHA. DHA contributes to the maintenance of normal brain function and vision.",
            "Капсулы очищенного рыбьего жира с омега-3 жирными кислотами EPA и DHA. DHA способствует поддержанию нормальной работы мозга и зрения.",
        ),
        attributes: &[
            (ORIGIN, NORWAY),
            (PRODUCT_TYPE, SUPPLEMENT),
            (
                DOSAGE,
                tr("2 kapslit päevas", "2 capsules a day", "2 капсулы в день"),
            ),
            (
                tr("Sisaldus", "Content", "Содержание"),
                tr(
                    "EPA 360 mg, DHA 240 mg 2 kapslis",
                    "EPA 360 mg, DHA 240 mg per 2 capsules",
                    "EPA 360 мг, DHA 240 мг в 2 капсулах",
                ),
            ),
        ],
        base_price_cents: 1299,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "vitamins.svg",
    },
    DemoProductLine {
        category: "vitamins-supplements",
        name: tr(
            "Magneesium + B6-vitamiin",
            "Magnesium + vitamin B6",
            "Магний + витамин B6",
        ),
        brands: &["Vitabalt", "Nordvita"],
        variants: &[
            tr("50 tabletti", "50 tablets", "50 таблеток"),
            tr("100 tabletti", "100 tablets", "100 таблеток"),
        ],
        description: tr(
            "Magneesiumi ja B6-vitamiini kombinatsioon, mis aitab vähendada väsimust ning toetab närvisüsteemi ja lihaste normaalset talitlust. Sobib aktiivse eluviisiga inimestele.",
            "A combination of magnesium and vitamin B6 that helps reduce tiredness and supports the normal function of the nervous system and muscles. Ideal for people with an active lifestyle.",
            "Комбинация магния и витамина B6, которая помогает уменьшить усталость и поддерживает нормальную работу нервной системы и мышц. Подходит людям с активным образом жизни.",
        ),
        attributes: &[
            (ORIGIN, EU),
            (PRODUCT_TYPE, SUPPLEMENT),
            (
                DOSAGE,
                tr("2 tabletti päevas", "2 tablets a day", "2 таблетки в день"),
            ),
            (
                tr("Sisaldus päevases annuses", "Per daily dose", "В суточной дозе"),
                tr(
                    "Mg 300 mg, B6 1,4 mg",
                    "Mg 300 mg, B6 1.4 mg",
                    "Mg 300 мг, B6 1,4 мг",
                ),
            ),
        ],
        base_price_cents: 849,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "vitamins.svg",
    },
    // ----- Kids & toys: toys ---------------------------------------------
    DemoProductLine {
        category: "toys",
        name: tr("Ehitusklotsid", "Building bricks", "Конструктор"),
        brands: &["Klotsu", "Brickland"],
        variants: &[
            tr("100 osa", "100 pieces", "100 деталей"),
            tr("250 osa", "250 pieces", "250 деталей"),
        ],
        description: tr(
            "Värvilised ehitusklotsid, mis sobivad kokku levinumate klotsisüsteemidega. Arendavad peenmotoorikat, ruumilist mõtlemist ja loovust; komplektis on hoiukast.",
            "Colourful building bricks compatible with the most common brick systems. They develop fine motor skills, spatial thinking and creativity; a storage box is included.",
            "Разноцветные детали конструктора, совместимые с самыми распространёнными системами. Развивают мелкую моторику, пространственное мышление и творческие способности; в комплекте коробка для хранения.",
        ),
        attributes: &[
            (AGE, tr("Alates 4 aastast", "4 years and up", "От 4 лет")),
            (MATERIAL, tr("ABS-plast", "ABS plastic", "ABS-пластик")),
            (SAFETY, EN71),
            (
                INCLUDED,
                tr("Hoiukast", "Storage box", "Коробка для хранения"),
            ),
        ],
        base_price_cents: 2499,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "blocks.svg",
    },
    DemoProductLine {
        category: "toys",
        name: tr("Pehme mängukaru", "Teddy bear", "Плюшевый мишка"),
        brands: &["Mõmmi", "Kaisu"],
        variants: &[tr("25 cm", "25 cm", "25 см"), tr("40 cm", "40 cm", "40 см")],
        description: tr(
            "Pehme kaisukaru, kelle tikitud silmad on ohutud ka kõige pisematele. Karu võib pesta pesumasinas 30 °C juures.",
            "A soft, cuddly teddy bear with embroidered eyes that are safe even for the littlest ones. Machine washable at 30 °C.",
            "Мягкий плюшевый мишка с вышитыми глазками, безопасный даже для самых маленьких. Можно стирать в машине при 30 °C.",
        ),
        attributes: &[
            (AGE, FROM_BIRTH),
            (
                MATERIAL,
                tr(
                    "Polüester, täidis polüesterkiud",
                    "Polyester, polyester fibre filling",
                    "Полиэстер, наполнитель из полиэфирного волокна",
                ),
            ),
            (
                CARE,
                tr(
                    "Masinpesu 30 °C",
                    "Machine wash at 30 °C",
                    "Машинная стирка при 30 °C",
                ),
            ),
            (SAFETY, EN71),
        ],
        base_price_cents: 1999,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "teddy.svg",
    },
    DemoProductLine {
        category: "toys",
        name: tr("Puidust mängurong", "Wooden toy train", "Деревянный поезд"),
        brands: &["Puupuu", "Klotsu"],
        variants: &[
            tr("12 osa", "12 pieces", "12 деталей"),
            tr(
                "24 osa koos rööbastega",
                "24 pieces with tracks",
                "24 детали с рельсами",
            ),
        ],
        description: tr(
            "Puidust mängurong magnetitega ühendatavate vagunitega, mida väikesed käed saavad hõlpsasti kokku panna. Värvitud ohutute vesialuseliste värvidega.",
            "A wooden toy train whose carriages link with magnets, easy for little hands to put together. Painted with safe water-based paints.",
            "Деревянный поезд с вагончиками на магнитах, которые легко соединяют маленькие ручки. Окрашен безопасными красками на водной основе.",
        ),
        attributes: &[
            (ORIGIN, ESTONIA),
            (AGE, tr("Alates 2 aastast", "2 years and up", "От 2 лет")),
            (
                MATERIAL,
                tr(
                    "Pöögipuit, vesialuselised värvid",
                    "Beech wood, water-based paints",
                    "Бук, краски на водной основе",
                ),
            ),
            (SAFETY, EN71),
        ],
        base_price_cents: 2999,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "blocks.svg",
    },
    // ----- Kids & toys: baby care ----------------------------------------
    DemoProductLine {
        category: "baby-care",
        name: tr("Mähkmed", "Nappies", "Подгузники"),
        brands: &["Pehmo", "Beebi"],
        variants: &[
            tr(
                "suurus 3 (6–10 kg), 52 tk",
                "size 3 (6–10 kg), 52 pcs",
                "размер 3 (6–10 кг), 52 шт.",
            ),
            tr(
                "suurus 4 (9–14 kg), 46 tk",
                "size 4 (9–14 kg), 46 pcs",
                "размер 4 (9–14 кг), 46 шт.",
            ),
            tr(
                "suurus 5 (11–16 kg), 40 tk",
                "size 5 (11–16 kg), 40 pcs",
                "размер 5 (11–16 кг), 40 шт.",
            ),
        ],
        description: tr(
            "Hingavad ja hästi imavad mähkmed, mis hoiavad beebi naha kuivana kuni 12 tundi. Elastsed küljed ja märjaks saamisest märku andev indikaator.",
            "Breathable, highly absorbent nappies that keep baby's skin dry for up to 12 hours. Stretchy sides and a wetness indicator.",
            "Дышащие подгузники с высокой впитываемостью сохраняют кожу малыша сухой до 12 часов. Эластичные боковинки и индикатор наполнения.",
        ),
        attributes: &[
            (ORIGIN, POLAND),
            (
                tr("Imavus", "Absorbency", "Впитываемость"),
                tr("Kuni 12 tundi", "Up to 12 hours", "До 12 часов"),
            ),
            (
                tr("Omadused", "Features", "Особенности"),
                tr(
                    "Niiskusindikaator, elastsed küljed",
                    "Wetness indicator, stretchy sides",
                    "Индикатор наполнения, эластичные боковинки",
                ),
            ),
            (
                tr(
                    "Dermatoloogiliselt testitud",
                    "Dermatologically tested",
                    "Дерматологически протестировано",
                ),
                YES,
            ),
        ],
        base_price_cents: 1399,
        perishable: false,
        cold_chain: false,
        storable: true,
        image: "diapers.svg",
    },
    DemoProductLine {
        category: "baby-care",
        name: tr(
            "Niisked salvrätikud beebidele",
            "Baby wet wipes",
            "Влажные салфетки для малышей",
        ),
        brands: &["Pehmo", "Beebi"],
        variants: &[
            tr("64 tk", "64 pcs", "64 шт."),
            tr("3 × 64 tk", "3 × 64 pcs", "3 × 64 шт."),
        ],
        description: tr(
            "Lõhnastamata niisked salvrätikud, mis on immutatud 99% puhastatud veega. Sobivad mähkmevahetuseks ning käte ja näo puhastamiseks juba esimestest päevadest.",
            "Unscented wet wipes soaked in 99% purified water. Suitable for nappy changes and for cleaning hands and face from the very first days.",
            "Влажные салфетки без отдушки, пропитанные на 99% очищенной водой. Подходят для смены подгузника и очищения рук и лица с первых дней жизни.",
        ),
        attributes: &[
            (ORIGIN, POLAND),
            (
                INGREDIENTS,
                tr(
                    "99% puhastatud vesi",
                    "99% purified water",
                    "99% очищенной воды",
                ),
            ),
            (SCENT, tr("Lõhnastamata", "Unscented", "Без отдушки")),
            (
                MATERIAL,
                tr(
                    "Biolagunev viskoos",
                    "Biodegradable viscose",
                    "Биоразлагаемая вискоза",
                ),
            ),
        ],
        base_price_cents: 249,
        perishable: false,
        cold_chain: false,
        storable: true,
        image: "diapers.svg",
    },
    DemoProductLine {
        category: "baby-care",
        name: tr("Lutipudel", "Baby bottle", "Бутылочка для кормления"),
        brands: &["Pehmo", "Tillu"],
        variants: &[tr("150 ml", "150 ml", "150 мл"), tr("260 ml", "260 ml", "260 мл")],
        description: tr(
            "Koolikute vastase ventiiliga lutipudel, mille lai kael teeb täitmise ja pesemise lihtsaks. Pehme silikoonlutt meenutab rinda ja sobib vahelduvaks toitmiseks.",
            "An anti-colic baby bottle with a wide neck that makes filling and cleaning easy. The soft silicone teat feels like the breast and suits combined feeding.",
            "Бутылочка с антиколиковым клапаном и широким горлышком, которую легко наполнять и мыть. Мягкая силиконовая соска похожа на грудь и подходит для смешанного вскармливания.",
        ),
        attributes: &[
            (AGE, FROM_BIRTH),
            (
                MATERIAL,
                tr(
                    "Polüpropüleen, BPA-vaba; silikoonlutt",
                    "Polypropylene, BPA-free; silicone teat",
                    "Полипропилен без BPA; силиконовая соска",
                ),
            ),
            (
                CARE,
                tr(
                    "Sobib nõudepesumasinasse ja steriliseerimiseks",
                    "Dishwasher and steriliser safe",
                    "Можно мыть в посудомоечной машине и стерилизовать",
                ),
            ),
            (ORIGIN, EU),
        ],
        base_price_cents: 999,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "baby-bottle.svg",
    },
    // ----- Sports & outdoors: fitness ------------------------------------
    DemoProductLine {
        category: "fitness",
        name: tr("Joogamatt 6 mm", "Yoga mat 6 mm", "Коврик для йоги 6 мм"),
        brands: &["Sporta", "Liikur"],
        variants: &[
            tr("lilla", "purple", "фиолетовый"),
            tr("roheline", "green", "зелёный"),
            tr("hall", "grey", "серый"),
        ],
        description: tr(
            "Libisemiskindel 6 mm paksune joogamatt, mis pehmendab põlvi ja küünarnukke. Kerge, kokkurullitav ja kandmiseks rihmaga.",
            "A non-slip 6 mm yoga mat that cushions knees and elbows. Light, easy to roll up and supplied with a carrying strap.",
            "Нескользящий коврик для йоги толщиной 6 мм смягчает нагрузку на колени и локти. Лёгкий, легко сворачивается, в комплекте ремень для переноски.",
        ),
        attributes: &[
            (
                MATERIAL,
                tr("TPE, ftalaadivaba", "TPE, phthalate-free", "TPE, без фталатов"),
            ),
            (DIMENSIONS, tr("183 × 61 cm", "183 × 61 cm", "183 × 61 см")),
            (WEIGHT, tr("0,9 kg", "0.9 kg", "0,9 кг")),
            (
                INCLUDED,
                tr("Kanderihm", "Carrying strap", "Ремень для переноски"),
            ),
        ],
        base_price_cents: 2499,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "yoga-mat.svg",
    },
    DemoProductLine {
        category: "fitness",
        name: tr("Hantlikomplekt", "Dumbbell set", "Набор гантелей"),
        brands: &["Ironfit", "Sporta"],
        variants: &[
            tr("2 × 2 kg", "2 × 2 kg", "2 × 2 кг"),
            tr("2 × 5 kg", "2 × 5 kg", "2 × 5 кг"),
        ],
        description: tr(
            "Vinüülkattega hantlid kodusteks treeninguteks, mis ei kriibi põrandat ega veere ära. Kuusnurkne kuju ja libisemiskindel käepide.",
            "Vinyl-coated dumbbells for home workouts that won't scratch the floor or roll away. Hexagonal shape and a non-slip grip.",
            "Гантели с виниловым покрытием для домашних тренировок не царапают пол и не скатываются. Шестигранная форма и нескользящая рукоятка.",
        ),
        attributes: &[
            (
                MATERIAL,
                tr(
                    "Malm, vinüülkate",
                    "Cast iron, vinyl coating",
                    "Чугун, виниловое покрытие",
                ),
            ),
            (SHAPE, tr("Kuusnurkne", "Hexagonal", "Шестигранная")),
            (WARRANTY, WARRANTY_2Y),
        ],
        base_price_cents: 1999,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "dumbbell.svg",
    },
    DemoProductLine {
        category: "fitness",
        name: tr("Jalgpall", "Football", "Футбольный мяч"),
        brands: &["Sporta", "Tiim"],
        variants: &[
            tr("suurus 4", "size 4", "размер 4"),
            tr("suurus 5", "size 5", "размер 5"),
        ],
        description: tr(
            "Masinõmblusega treeningpall muru- ja kunstmuruväljakutele. Vastupidav kate ja butüülkamber hoiavad palli kuju ning rõhku kaua.",
            "A machine-stitched training ball for grass and artificial turf. The durable cover and butyl bladder keep its shape and pressure for a long time.",
            "Тренировочный мяч с машинной сшивкой для натурального и искусственного газона. Прочное покрытие и бутиловая камера надолго сохраняют форму и давление.",
        ),
        attributes: &[
            (
                MATERIAL,
                tr(
                    "TPU-kate, butüülkamber",
                    "TPU cover, butyl bladder",
                    "Покрытие TPU, бутиловая камера",
                ),
            ),
            (
                tr("Väljak", "Surface", "Покрытие поля"),
                tr(
                    "Muru ja kunstmuru",
                    "Grass and artificial turf",
                    "Натуральный и искусственный газон",
                ),
            ),
            (
                tr("Õmblus", "Stitching", "Сшивка"),
                tr("Masinõmblus", "Machine-stitched", "Машинная"),
            ),
        ],
        base_price_cents: 1999,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "ball.svg",
    },
    // ----- Sports & outdoors: hiking & camping ---------------------------
    DemoProductLine {
        category: "outdoor-camping",
        name: tr("Matkatelk", "Hiking tent", "Туристическая палатка"),
        brands: &["Rada", "Nordtrek"],
        variants: &[
            tr("2-kohaline", "2-person", "2-местная"),
            tr("3-kohaline", "3-person", "3-местная"),
        ],
        description: tr(
            "Kerge kahekihiline kuppeltelk, mille üks inimene paneb püsti vähem kui kümne minutiga. Teibitud õmblused ja 3000 mm veesammas peavad vastu ka Eesti paduvihmale.",
            "A light double-wall dome tent that one person can pitch in under ten minutes. Taped seams and a 3000 mm hydrostatic head stand up to Estonian downpours.",
            "Лёгкая двухслойная палатка-купол, которую один человек установит меньше чем за десять минут. Проклеенные швы и водостойкость 3000 мм выдерживают эстонские ливни.",
        ),
        attributes: &[
            (WATERPROOF, tr("3000 mm", "3000 mm", "3000 мм")),
            (
                MATERIAL,
                tr(
                    "Polüester 190T, alumiiniumkaared",
                    "190T polyester, aluminium poles",
                    "Полиэстер 190T, алюминиевые дуги",
                ),
            ),
            (
                tr("Hooaeg", "Season", "Сезонность"),
                tr("3 hooaega", "3-season", "3 сезона"),
            ),
            (WARRANTY, WARRANTY_2Y),
        ],
        base_price_cents: 12900,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "tent.svg",
    },
    DemoProductLine {
        category: "outdoor-camping",
        name: tr("Magamiskott", "Sleeping bag", "Спальный мешок"),
        brands: &["Nordtrek", "Rada"],
        variants: &[
            tr("mugavus +5 °C", "comfort +5 °C", "комфорт +5 °C"),
            tr("mugavus −5 °C", "comfort −5 °C", "комфорт −5 °C"),
        ],
        description: tr(
            "Muumiakujuline magamiskott sünteetilise täidisega, mis soojendab ka niiske ilmaga. Kahesuunaline tõmblukk ja kompressioonkott kompaktseks pakkimiseks.",
            "A mummy-shaped sleeping bag with synthetic filling that keeps you warm even in damp weather. Two-way zip and a compression sack for compact packing.",
            "Спальный мешок-кокон с синтетическим утеплителем, который греет даже в сырую погоду. Двусторонняя молния и компрессионный мешок для компактной упаковки.",
        ),
        attributes: &[
            (SHAPE, tr("Muumia", "Mummy", "Кокон")),
            (
                MATERIAL,
                tr(
                    "Polüester, õõneskiudtäidis",
                    "Polyester, hollow-fibre filling",
                    "Полиэстер, наполнитель из полого волокна",
                ),
            ),
            (
                tr("Pikkus", "Length", "Длина"),
                tr("220 cm", "220 cm", "220 см"),
            ),
            (WEIGHT, tr("1,6 kg", "1.6 kg", "1,6 кг")),
        ],
        base_price_cents: 5999,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "tent.svg",
    },
    DemoProductLine {
        category: "outdoor-camping",
        name: tr("Termos", "Vacuum flask", "Термос"),
        brands: &["Rada", "Nordtrek"],
        variants: &[tr("0,5 l", "0.5 l", "0,5 л"), tr("1 l", "1 l", "1 л")],
        description: tr(
            "Topeltseinaga roostevabast terasest termos hoiab joogi kuumana 24 tundi ja külmana 48 tundi. Lekkekindel kork on ühtlasi joogitops.",
            "A double-walled stainless steel flask that keeps drinks hot for 24 hours and cold for 48. The leak-proof cap doubles as a cup.",
            "Термос из нержавеющей стали с двойными стенками сохраняет напитки горячими 24 часа и холодными 48 часов. Герметичная крышка служит чашкой.",
        ),
        attributes: &[
            (
                MATERIAL,
                tr(
                    "Roostevaba teras 18/8",
                    "18/8 stainless steel",
                    "Нержавеющая сталь 18/8",
                ),
            ),
            (
                tr("Soojapidavus", "Heat retention", "Сохранение температуры"),
                tr(
                    "24 h kuum, 48 h külm",
                    "24 h hot, 48 h cold",
                    "24 ч горячее, 48 ч холодное",
                ),
            ),
            (CARE, HAND_WASH),
            (WARRANTY, WARRANTY_5Y),
        ],
        base_price_cents: 2499,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "thermos.svg",
    },
    DemoProductLine {
        category: "outdoor-camping",
        name: tr("Matkaseljakott", "Hiking backpack", "Туристический рюкзак"),
        brands: &["Nordtrek", "Rada"],
        variants: &[tr("30 l", "30 l", "30 л"), tr("50 l", "50 l", "50 л")],
        description: tr(
            "Reguleeritava kandesüsteemi ja ventileeritava seljaosaga seljakott päeva- ja mitmepäevamatkadeks. Vihmakate on peidetud põhjataskusse.",
            "A hiking backpack with an adjustable harness and a ventilated back panel for day and multi-day hikes. A rain cover is tucked into the bottom pocket.",
            "Туристический рюкзак с регулируемой подвесной системой и вентилируемой спинкой для однодневных и многодневных походов. Чехол от дождя спрятан в нижнем кармане.",
        ),
        attributes: &[
            (
                MATERIAL,
                tr(
                    "Nailon 210D, PU-kate",
                    "210D nylon, PU coating",
                    "Нейлон 210D, PU-покрытие",
                ),
            ),
            (
                tr("Kandesüsteem", "Harness", "Подвесная система"),
                tr("Reguleeritav", "Adjustable", "Регулируемая"),
            ),
            (
                tr("Vihmakate", "Rain cover", "Чехол от дождя"),
                tr("Kaasas", "Included", "В комплекте"),
            ),
            (WARRANTY, WARRANTY_2Y),
        ],
        base_price_cents: 6999,
        perishable: false,
        cold_chain: false,
        storable: false,
        image: "backpack.svg",
    },
];

// ---------------------------------------------------------------------------
// Sellers
// ---------------------------------------------------------------------------

const OMNIVA_LOCKER: Tr = tr(
    "Omniva pakiautomaat",
    "Omniva parcel locker",
    "Пакомат Omniva",
);
const DPD_LOCKER: Tr = tr("DPD pakiautomaat", "DPD parcel locker", "Пакомат DPD");
const SMARTPOSTI_LOCKER: Tr = tr(
    "SmartPosti pakiautomaat",
    "SmartPosti parcel locker",
    "Пакомат SmartPosti",
);
const DPD_COURIER: Tr = tr("DPD kuller", "DPD courier", "Курьер DPD");
const VENIPAK_COURIER: Tr = tr("Venipaki kuller", "Venipak courier", "Курьер Venipak");
const COURIER: Tr = tr("Kuller", "Courier", "Курьер");

pub static SELLERS: &[DemoSeller] = &[
    DemoSeller {
        slug: "turg-toidupood",
        name: "Turg Toidupood",
        legal_name: "Turg Market OÜ",
        registry_code: "16482937",
        vat_number: "EE102645381",
        country: "EE",
        street: "Peterburi tee 46",
        city: "Tallinn",
        postal_code: "11415",
        email: "toidupood@turg.ee",
        phone: "+372 600 4210",
        trading_since: (2016, 4, 1),
        about: tr(
            "Turg Toidupood on Turu platvormi enda toidupood. Toome värsked Eesti piimatooted, liha, kala, leiva ja puuviljad külmakulleriga otse ukse taha Harjumaal ja Tartumaal ning komplekteerime iga tellimuse alles tarnepäeval.",
            "Turg Toidupood is the marketplace's own grocery store. We bring fresh Estonian dairy, meat, fish, bread and fruit straight to your door by cold courier in Harju and Tartu counties, and we pack every order on the day of delivery.",
            "Turg Toidupood — собственный продуктовый магазин площадки Turg. Мы доставляем свежие эстонские молочные продукты, мясо, рыбу, хлеб и фрукты холодовым курьером прямо к двери в Харьюмаа и Тартумаа и собираем каждый заказ в день доставки.",
        ),
        categories: &["food"],
        price_permille: 1000,
        handling_days: 0,
        deliveries: &[DemoDelivery {
            kind: DeliveryKind::ColdCourier,
            name: tr("Külmakuller", "Cold courier", "Холодовой курьер"),
            price_cents: 700,
            free_over_cents: Some(3990),
            regions: &["harju", "tartu"],
            days_min: 1,
            days_max: 4,
        }],
    },
    DemoSeller {
        slug: "kodumaailm",
        name: "Kodumaailm",
        legal_name: "Kodumaailm Kaubandus OÜ",
        registry_code: "12873405",
        vat_number: "EE101845236",
        country: "EE",
        street: "Mustamäe tee 16",
        city: "Tallinn",
        postal_code: "10617",
        email: "info@kodumaailm.ee",
        phone: "+372 655 1180",
        trading_since: (2017, 9, 12),
        about: tr(
            "Kodumaailm on Tallinna kodukaupade pood, mis on tegutsenud juba üle kümne aasta. Meie valikus on kööginõud, kodutekstiil, väike kodutehnika ja pereasjad ning klienditeenindus vastab nii eesti kui ka vene keeles.",
            "Kodumaailm is a Tallinn homeware shop that has been trading for more than ten years. We stock cookware, home textiles, small appliances and family essentials, and our customer service answers in both Estonian and Russian.",
            "Kodumaailm — таллиннский магазин товаров для дома, который работает уже более десяти лет. В ассортименте кухонная посуда, домашний текстиль, мелкая бытовая техника и товары для всей семьи, а служба поддержки отвечает на эстонском и русском языках.",
        ),
        categories: &["home-kitchen", "electronics", "beauty-health", "kids-toys"],
        price_permille: 980,
        handling_days: 1,
        deliveries: &[
            DemoDelivery {
                kind: DeliveryKind::ParcelLocker,
                name: OMNIVA_LOCKER,
                price_cents: 299,
                free_over_cents: Some(5000),
                regions: &[],
                days_min: 1,
                days_max: 2,
            },
            DemoDelivery {
                kind: DeliveryKind::Courier,
                name: DPD_COURIER,
                price_cents: 590,
                free_over_cents: Some(7500),
                regions: &[],
                days_min: 1,
                days_max: 3,
            },
            DemoDelivery {
                kind: DeliveryKind::Pickup,
                name: tr(
                    "Järeletulek Tallinna kauplusest",
                    "Pickup from our Tallinn store",
                    "Самовывоз из магазина в Таллинне",
                ),
                price_cents: 0,
                free_over_cents: None,
                regions: &["harju"],
                days_min: 1,
                days_max: 1,
            },
        ],
    },
    DemoSeller {
        slug: "tehnikadepoo",
        name: "Tehnikadepoo",
        legal_name: "Tehnikadepoo OÜ",
        registry_code: "14219876",
        vat_number: "EE102178453",
        country: "EE",
        street: "Turu 45",
        city: "Tartu",
        postal_code: "50106",
        email: "info@tehnikadepoo.ee",
        phone: "+372 734 2255",
        trading_since: (2018, 2, 5),
        about: tr(
            "Tehnikadepoo on Tartus asuv elektroonika- ja kodutehnikapood. Kõik kaubad on meie oma laos, seega lähevad tellimused teele juba samal või järgmisel tööpäeval, ja garantiiküsimused lahendame kohapeal.",
            "Tehnikadepoo is an electronics and appliance shop based in Tartu. Everything we sell is in our own warehouse, so orders ship the same or the next working day, and warranty issues are handled locally.",
            "Tehnikadepoo — магазин электроники и бытовой техники в Тарту. Все товары хранятся на нашем собственном складе, поэтому заказы отправляются в тот же или на следующий рабочий день, а гарантийные вопросы решаются на месте.",
        ),
        categories: &["electronics", "home-kitchen", "sports-outdoors", "beauty-health"],
        price_permille: 950,
        handling_days: 0,
        deliveries: &[
            DemoDelivery {
                kind: DeliveryKind::ParcelLocker,
                name: SMARTPOSTI_LOCKER,
                price_cents: 349,
                free_over_cents: Some(10000),
                regions: &[],
                days_min: 1,
                days_max: 3,
            },
            DemoDelivery {
                kind: DeliveryKind::Courier,
                name: DPD_COURIER,
                price_cents: 690,
                free_over_cents: Some(15000),
                regions: &[],
                days_min: 1,
                days_max: 3,
            },
            DemoDelivery {
                kind: DeliveryKind::Pickup,
                name: tr(
                    "Järeletulek Tartu laost",
                    "Pickup from our Tartu warehouse",
                    "Самовывоз со склада в Тарту",
                ),
                price_cents: 0,
                free_over_cents: None,
                regions: &["tartu"],
                days_min: 1,
                days_max: 1,
            },
        ],
    },
    DemoSeller {
        slug: "perepood",
        name: "Perepood",
        legal_name: "Perepood OÜ",
        registry_code: "14655021",
        vat_number: "EE102391147",
        country: "EE",
        street: "Riia mnt 108",
        city: "Pärnu",
        postal_code: "80010",
        email: "tere@perepood.ee",
        phone: "+372 443 0917",
        trading_since: (2019, 5, 20),
        about: tr(
            "Perepood on Pärnu pereettevõte, mis pakub lastekaupu, hügieenitarbeid ja kodu igapäevaseid vajalikke asju. Valime iga toote ise välja ja eelistame Eesti ning Põhjamaade tootjaid.",
            "Perepood is a family business from Pärnu offering children's products, toiletries and everyday household items. We choose every product ourselves and favour Estonian and Nordic makers.",
            "Perepood — семейное предприятие из Пярну, которое предлагает детские товары, средства гигиены и всё необходимое для дома. Мы сами отбираем каждый товар и отдаём предпочтение эстонским и северным производителям.",
        ),
        categories: &["kids-toys", "beauty-health", "home-kitchen", "food"],
        price_permille: 1020,
        handling_days: 2,
        deliveries: &[
            DemoDelivery {
                kind: DeliveryKind::ParcelLocker,
                name: OMNIVA_LOCKER,
                price_cents: 279,
                free_over_cents: Some(4000),
                regions: &[],
                days_min: 1,
                days_max: 3,
            },
            DemoDelivery {
                kind: DeliveryKind::Courier,
                name: tr("Kuller Pärnumaal", "Courier in Pärnu County", "Курьер по Пярнумаа"),
                price_cents: 490,
                free_over_cents: Some(6000),
                regions: &["parnu"],
                days_min: 1,
                days_max: 2,
            },
            DemoDelivery {
                kind: DeliveryKind::Pickup,
                name: tr(
                    "Järeletulek Pärnu poest",
                    "Pickup from our Pärnu shop",
                    "Самовывоз из магазина в Пярну",
                ),
                price_cents: 0,
                free_over_cents: None,
                regions: &["parnu"],
                days_min: 1,
                days_max: 1,
            },
        ],
    },
    DemoSeller {
        slug: "baltic-home",
        name: "Baltic Home",
        legal_name: "SIA Baltic Home Trade",
        registry_code: "40103987654",
        vat_number: "LV40103987654",
        country: "LV",
        street: "Brīvības iela 155",
        city: "Rīga",
        postal_code: "LV-1012",
        email: "info@baltichome.lv",
        phone: "+371 6720 4418",
        trading_since: (2020, 3, 2),
        about: tr(
            "Baltic Home on Riias asuv veebipood, mis varustab kodusid üle Baltimaade kööginõude, kodutehnika, kohvi ja kuivainetega. Eestisse saadame kaupu iga päev Omniva ja DPD kaudu.",
            "Baltic Home is a Riga-based online shop supplying homes across the Baltics with cookware, appliances, coffee and dry goods. We ship to Estonia every day via Omniva and DPD.",
            "Baltic Home — интернет-магазин из Риги, который снабжает дома по всей Прибалтике посудой, бытовой техникой, кофе и бакалеей. В Эстонию мы отправляем товары ежедневно через Omniva и DPD.",
        ),
        categories: &["home-kitchen", "electronics", "beauty-health", "food"],
        price_permille: 930,
        handling_days: 2,
        deliveries: &[
            DemoDelivery {
                kind: DeliveryKind::ParcelLocker,
                name: OMNIVA_LOCKER,
                price_cents: 349,
                free_over_cents: None,
                regions: &[],
                days_min: 3,
                days_max: 5,
            },
            DemoDelivery {
                kind: DeliveryKind::Courier,
                name: DPD_COURIER,
                price_cents: 750,
                free_over_cents: Some(7500),
                regions: &[],
                days_min: 3,
                days_max: 6,
            },
        ],
    },
    DemoSeller {
        slug: "ritmas",
        name: "Ritmas",
        legal_name: "UAB Ritmas",
        registry_code: "305412876",
        vat_number: "LT541287613",
        country: "LT",
        street: "Ukmergės g. 220",
        city: "Vilnius",
        postal_code: "LT-07157",
        email: "info@ritmas.lt",
        phone: "+370 5 212 4480",
        trading_since: (2018, 11, 14),
        about: tr(
            "Ritmas on Vilniuse elektroonikapood, mis on keskendunud heli- ja nutiseadmetele ning kodutehnikale. Meil on üle 15 aasta kogemust ja kliente kõigis kolmes Balti riigis.",
            "Ritmas is a Vilnius electronics retailer focused on audio, smart devices and home appliances. We have more than 15 years of experience and customers in all three Baltic states.",
            "Ritmas — вильнюсский магазин электроники, специализирующийся на аудиотехнике, смарт-устройствах и бытовой технике. У нас более 15 лет опыта и покупатели во всех трёх странах Балтии.",
        ),
        categories: &["electronics", "home-kitchen", "sports-outdoors", "beauty-health"],
        price_permille: 940,
        handling_days: 1,
        deliveries: &[
            DemoDelivery {
                kind: DeliveryKind::ParcelLocker,
                name: OMNIVA_LOCKER,
                price_cents: 329,
                free_over_cents: Some(6000),
                regions: &[],
                days_min: 3,
                days_max: 5,
            },
            DemoDelivery {
                kind: DeliveryKind::Courier,
                name: VENIPAK_COURIER,
                price_cents: 690,
                free_over_cents: Some(10000),
                regions: &[],
                days_min: 3,
                days_max: 6,
            },
        ],
    },
    DemoSeller {
        slug: "erakeidas",
        name: "Eräkeidas",
        legal_name: "Eräkeidas Oy",
        registry_code: "2987654-3",
        vat_number: "FI29876543",
        country: "FI",
        street: "Mannerheimintie 112",
        city: "Helsinki",
        postal_code: "00250",
        email: "asiakaspalvelu@erakeidas.fi",
        phone: "+358 9 4250 7710",
        trading_since: (2019, 4, 8),
        about: tr(
            "Eräkeidas on Helsingi matka- ja vabaajapood, mille meeskond koosneb innukatest matkajatest. Telgid, magamiskotid ja seljakotid testime ise Lapimaa radadel, enne kui need meie valikusse jõuavad.",
            "Eräkeidas is a Helsinki outdoor shop run by keen hikers. We test tents, sleeping bags and backpacks ourselves on the trails of Lapland before they make it into our range.",
            "Eräkeidas — хельсинкский магазин товаров для туризма и отдыха, команда которого состоит из увлечённых путешественников. Палатки, спальники и рюкзаки мы сами испытываем на тропах Лапландии, прежде чем включить их в ассортимент.",
        ),
        categories: &["sports-outdoors", "electronics", "home-kitchen", "beauty-health"],
        price_permille: 1080,
        handling_days: 1,
        deliveries: &[
            DemoDelivery {
                kind: DeliveryKind::ParcelLocker,
                name: SMARTPOSTI_LOCKER,
                price_cents: 399,
                free_over_cents: Some(10000),
                regions: &[],
                days_min: 3,
                days_max: 6,
            },
            DemoDelivery {
                kind: DeliveryKind::Courier,
                name: COURIER,
                price_cents: 790,
                free_over_cents: None,
                regions: &[],
                days_min: 4,
                days_max: 7,
            },
        ],
    },
    DemoSeller {
        slug: "domowa-polka",
        name: "Domowa Półka",
        legal_name: "Domowa Półka sp. z o.o.",
        registry_code: "0000734512",
        vat_number: "PL7792456318",
        country: "PL",
        street: "ul. Głogowska 88",
        city: "Poznań",
        postal_code: "60-263",
        email: "sklep@domowapolka.pl",
        phone: "+48 61 842 3370",
        trading_since: (2021, 2, 15),
        about: tr(
            "Domowa Półka on Poznańi veebipood, mis müüb soodsa hinnaga kodu- ja lastekaupu otse Poola tootjatelt. Eestisse jõuavad tellimused tavaliselt nelja kuni seitsme tööpäevaga.",
            "Domowa Półka is a Poznań online shop selling affordable household and children's goods straight from Polish manufacturers. Orders usually reach Estonia in four to seven working days.",
            "Domowa Półka — интернет-магазин из Познани, который продаёт недорогие товары для дома и детей напрямую от польских производителей. Заказы обычно доходят до Эстонии за четыре–семь рабочих дней.",
        ),
        categories: &["home-kitchen", "kids-toys", "beauty-health", "electronics"],
        price_permille: 910,
        handling_days: 3,
        deliveries: &[
            DemoDelivery {
                kind: DeliveryKind::ParcelLocker,
                name: DPD_LOCKER,
                price_cents: 299,
                free_over_cents: None,
                regions: &[],
                days_min: 4,
                days_max: 7,
            },
            DemoDelivery {
                kind: DeliveryKind::Courier,
                name: DPD_COURIER,
                price_cents: 590,
                free_over_cents: Some(6000),
                regions: &[],
                days_min: 4,
                days_max: 7,
            },
        ],
    },
    DemoSeller {
        slug: "elektrohaus-nord",
        name: "Elektrohaus Nord",
        legal_name: "Elektrohaus Nord GmbH",
        registry_code: "HRB 154871",
        vat_number: "DE318457209",
        country: "DE",
        street: "Wandsbeker Chaussee 58",
        city: "Hamburg",
        postal_code: "22089",
        email: "service@elektrohaus-nord.de",
        phone: "+49 40 3861 4420",
        trading_since: (2020, 9, 1),
        about: tr(
            "Elektrohaus Nord on Hamburgi elektroonikamüüja, kelle valikus on kodutehnika, heliseadmed ja nutitarvikud. Kõikidele toodetele kehtib kaheaastane garantii ja 30 päeva jooksul on tagastamine tasuta.",
            "Elektrohaus Nord is a Hamburg electronics retailer offering home appliances, audio equipment and smart accessories. Every product comes with a two-year warranty and free returns within 30 days.",
            "Elektrohaus Nord — гамбургский продавец электроники, в ассортименте которого бытовая техника, аудиотехника и смарт-аксессуары. На все товары действует двухлетняя гарантия, а в течение 30 дней возврат бесплатный.",
        ),
        categories: &["electronics", "home-kitchen", "beauty-health", "kids-toys"],
        price_permille: 1050,
        handling_days: 2,
        deliveries: &[
            DemoDelivery {
                kind: DeliveryKind::ParcelLocker,
                name: DPD_LOCKER,
                price_cents: 399,
                free_over_cents: Some(15000),
                regions: &[],
                days_min: 4,
                days_max: 7,
            },
            DemoDelivery {
                kind: DeliveryKind::Courier,
                name: DPD_COURIER,
                price_cents: 790,
                free_over_cents: Some(15000),
                regions: &[],
                days_min: 3,
                days_max: 6,
            },
        ],
    },
    DemoSeller {
        slug: "hemfint",
        name: "Hemfint",
        legal_name: "Hemfint AB",
        registry_code: "556812-4390",
        vat_number: "SE556812439001",
        country: "SE",
        street: "Kungsgatan 44",
        city: "Göteborg",
        postal_code: "411 19",
        email: "kundservice@hemfint.se",
        phone: "+46 31 711 2040",
        trading_since: (2022, 1, 17),
        about: tr(
            "Hemfint on Göteborgi disainipood, mis toob Põhjamaade kodutekstiili, köögitarvikud ja vabaajakaubad ka Baltimaade klientideni. Hindame lihtsat vormi, kvaliteetseid materjale ja pikka kasutusiga.",
            "Hemfint is a Gothenburg design shop bringing Nordic home textiles, kitchenware and leisure goods to customers in the Baltics. We value simple forms, quality materials and a long service life.",
            "Hemfint — дизайнерский магазин из Гётеборга, который предлагает покупателям в странах Балтии северный домашний текстиль, кухонные принадлежности и товары для отдыха. Мы ценим простые формы, качественные материалы и долгий срок службы.",
        ),
        categories: &["home-kitchen", "sports-outdoors", "electronics", "beauty-health"],
        price_permille: 1120,
        handling_days: 2,
        deliveries: &[
            DemoDelivery {
                kind: DeliveryKind::ParcelLocker,
                name: OMNIVA_LOCKER,
                price_cents: 399,
                free_over_cents: Some(7500),
                regions: &[],
                days_min: 4,
                days_max: 7,
            },
            DemoDelivery {
                kind: DeliveryKind::Courier,
                name: COURIER,
                price_cents: 790,
                free_over_cents: None,
                regions: &[],
                days_min: 4,
                days_max: 7,
            },
        ],
    },
    DemoSeller {
        slug: "ida-kaubamaja",
        name: "Ida Kaubamaja",
        legal_name: "Ida Kaubamaja OÜ",
        registry_code: "12456703",
        vat_number: "EE101587224",
        country: "EE",
        street: "Tallinna mnt 19c",
        city: "Narva",
        postal_code: "20303",
        email: "info@idakaubamaja.ee",
        phone: "+372 356 1402",
        trading_since: (2016, 10, 3),
        about: tr(
            "Ida Kaubamaja on Narva kaubamaja veebipood, kust leiab nii kuivaineid ja kohvi kui ka kodukaupu, hügieenitarbeid ja elektroonikat. Ida-Virumaal toimetame tellimused kohale oma kulleriga.",
            "Ida Kaubamaja is the online shop of a Narva department store, selling dry goods and coffee as well as homeware, toiletries and electronics. In Ida-Viru County we deliver with our own courier.",
            "Ida Kaubamaja — интернет-магазин нарвского универмага, где можно найти бакалею и кофе, а также товары для дома, средства гигиены и электронику. По Ида-Вирумаа заказы доставляет наш собственный курьер.",
        ),
        categories: &["food", "home-kitchen", "beauty-health", "electronics"],
        price_permille: 960,
        handling_days: 1,
        deliveries: &[
            DemoDelivery {
                kind: DeliveryKind::ParcelLocker,
                name: OMNIVA_LOCKER,
                price_cents: 249,
                free_over_cents: Some(4000),
                regions: &[],
                days_min: 1,
                days_max: 3,
            },
            DemoDelivery {
                kind: DeliveryKind::Courier,
                name: COURIER,
                price_cents: 490,
                free_over_cents: Some(5000),
                regions: &["ida-viru", "laane-viru"],
                days_min: 1,
                days_max: 2,
            },
            DemoDelivery {
                kind: DeliveryKind::Pickup,
                name: tr(
                    "Järeletulek Narva kaubamajast",
                    "Pickup from our Narva store",
                    "Самовывоз из универмага в Нарве",
                ),
                price_cents: 0,
                free_over_cents: None,
                regions: &["ida-viru"],
                days_min: 1,
                days_max: 1,
            },
        ],
    },
    DemoSeller {
        slug: "vaiku-pasaulis",
        name: "Vaikų Pasaulis",
        legal_name: "UAB Vaikų pasaulis",
        registry_code: "304876512",
        vat_number: "LT487651219",
        country: "LT",
        street: "Savanorių pr. 255",
        city: "Kaunas",
        postal_code: "LT-50185",
        email: "info@vaikupasaulis.lt",
        phone: "+370 37 408 215",
        trading_since: (2021, 6, 7),
        about: tr(
            "Vaikų Pasaulis („Laste maailm“) on Kaunase lastekaupade pood, mis pakub mänguasju, beebitarbeid ja pere igapäevaseid vajalikke asju. Kõik meie mänguasjad vastavad Euroopa ohutusstandardile EN 71.",
            "Vaikų Pasaulis (“Children's World”) is a Kaunas children's store offering toys, baby care products and everyday family essentials. All our toys meet the European EN 71 safety standard.",
            "Vaikų Pasaulis («Детский мир») — каунасский магазин детских товаров: игрушки, товары для малышей и всё необходимое для семьи. Все наши игрушки соответствуют европейскому стандарту безопасности EN 71.",
        ),
        categories: &["kids-toys", "beauty-health", "home-kitchen", "sports-outdoors"],
        price_permille: 990,
        handling_days: 2,
        deliveries: &[
            DemoDelivery {
                kind: DeliveryKind::ParcelLocker,
                name: OMNIVA_LOCKER,
                price_cents: 299,
                free_over_cents: Some(5000),
                regions: &[],
                days_min: 3,
                days_max: 5,
            },
            DemoDelivery {
                kind: DeliveryKind::Courier,
                name: VENIPAK_COURIER,
                price_cents: 650,
                free_over_cents: None,
                regions: &[],
                days_min: 3,
                days_max: 6,
            },
        ],
    },
    DemoSeller {
        slug: "valo-market",
        name: "Valo Market",
        legal_name: "Valo Market Oy",
        registry_code: "3124587-6",
        vat_number: "FI31245876",
        country: "FI",
        street: "Hämeenkatu 21",
        city: "Tampere",
        postal_code: "33200",
        email: "myynti@valomarket.fi",
        phone: "+358 3 214 8860",
        trading_since: (2023, 3, 13),
        about: tr(
            "Valo Market on Tampere veebipood, mis müüb elektroonikat, väikest kodutehnikat ja ilutooteid. Saadame kaubad Soome laost ning Eestisse jõuavad need laevaga kiiresti ja turvaliselt.",
            "Valo Market is a Tampere online shop selling electronics, small appliances and beauty products. We ship from our Finnish warehouse, and goods cross to Estonia by ferry quickly and safely.",
            "Valo Market — интернет-магазин из Тампере, который продаёт электронику, мелкую бытовую технику и товары для красоты. Мы отправляем товары с финского склада, и в Эстонию они быстро и надёжно прибывают паромом.",
        ),
        categories: &["electronics", "beauty-health", "home-kitchen"],
        price_permille: 1000,
        handling_days: 1,
        deliveries: &[
            DemoDelivery {
                kind: DeliveryKind::ParcelLocker,
                name: SMARTPOSTI_LOCKER,
                price_cents: 349,
                free_over_cents: Some(8000),
                regions: &[],
                days_min: 3,
                days_max: 5,
            },
            DemoDelivery {
                kind: DeliveryKind::Courier,
                name: COURIER,
                price_cents: 750,
                free_over_cents: None,
                regions: &[],
                days_min: 3,
                days_max: 6,
            },
        ],
    },
    DemoSeller {
        slug: "aktivs-sports",
        name: "Aktīvs Sports",
        legal_name: "SIA Aktīvs Sports",
        registry_code: "40203214567",
        vat_number: "LV40203214567",
        country: "LV",
        street: "Lielā iela 13",
        city: "Liepāja",
        postal_code: "LV-3401",
        email: "info@aktivssports.lv",
        phone: "+371 6342 5510",
        trading_since: (2022, 8, 22),
        about: tr(
            "Aktīvs Sports on Liepāja spordipood, kust leiab treeningvarustust, palle, matkatarbeid ja lastele liikumist pakkuvaid mänguasju. Meie meeskonnas on treenerid, kes aitavad sobiva varustuse valida.",
            "Aktīvs Sports is a Liepāja sports shop offering training equipment, balls, hiking gear and active toys for children. Our team includes coaches who are happy to help you choose the right kit.",
            "Aktīvs Sports — спортивный магазин из Лиепаи, где можно найти тренировочный инвентарь, мячи, туристическое снаряжение и подвижные игрушки для детей. В нашей команде есть тренеры, которые помогут подобрать подходящее снаряжение.",
        ),
        categories: &["sports-outdoors", "kids-toys", "electronics"],
        price_permille: 970,
        handling_days: 2,
        deliveries: &[
            DemoDelivery {
                kind: DeliveryKind::ParcelLocker,
                name: DPD_LOCKER,
                price_cents: 329,
                free_over_cents: None,
                regions: &[],
                days_min: 3,
                days_max: 5,
            },
            DemoDelivery {
                kind: DeliveryKind::Courier,
                name: DPD_COURIER,
                price_cents: 690,
                free_over_cents: Some(7500),
                regions: &[],
                days_min: 3,
                days_max: 6,
            },
        ],
    },
    DemoSeller {
        slug: "mahe-sahver",
        name: "Mahe Sahver",
        legal_name: "Mahe Sahver OÜ",
        registry_code: "14987320",
        vat_number: "EE102476612",
        country: "EE",
        street: "Tallinna 24",
        city: "Viljandi",
        postal_code: "71020",
        email: "tere@mahesahver.ee",
        phone: "+372 433 2190",
        trading_since: (2020, 5, 11),
        about: tr(
            "Mahe Sahver on Viljandi pood, mis on spetsialiseerunud kuivainetele, kohvile, teele ja looduslikele kodukaupadele. Teeme koostööd väikeste Eesti tootjatega ja pakime tellimused taaskasutatud materjalidesse.",
            "Mahe Sahver is a Viljandi shop specialising in dry goods, coffee, tea and natural household products. We work with small Estonian producers and pack orders in reused materials.",
            "Mahe Sahver — магазин из Вильянди, специализирующийся на бакалее, кофе, чае и натуральных товарах для дома. Мы сотрудничаем с небольшими эстонскими производителями и упаковываем заказы в повторно используемые материалы.",
        ),
        categories: &["food", "home-kitchen", "beauty-health"],
        price_permille: 1060,
        handling_days: 1,
        deliveries: &[
            DemoDelivery {
                kind: DeliveryKind::ParcelLocker,
                name: OMNIVA_LOCKER,
                price_cents: 299,
                free_over_cents: Some(5000),
                regions: &[],
                days_min: 1,
                days_max: 3,
            },
            DemoDelivery {
                kind: DeliveryKind::Courier,
                name: COURIER,
                price_cents: 590,
                free_over_cents: None,
                regions: &["viljandi", "parnu", "tartu", "jarva"],
                days_min: 1,
                days_max: 2,
            },
            DemoDelivery {
                kind: DeliveryKind::Pickup,
                name: tr(
                    "Järeletulek Viljandi poest",
                    "Pickup from our Viljandi shop",
                    "Самовывоз из магазина в Вильянди",
                ),
                price_cents: 0,
                free_over_cents: None,
                regions: &["viljandi"],
                days_min: 1,
                days_max: 1,
            },
        ],
    },
];
