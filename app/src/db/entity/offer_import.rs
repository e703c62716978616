use crate::sellers::imports::ImportStatus;
use sea_orm::entity::prelude::*;

/// A seller's CSV file of offer changes and what became of it (see migration 12).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "offer_imports")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub seller_id: i32,
    /// The member who uploaded it.
    pub user_id: i32,
    pub file_name: String,
    pub status: ImportStatus,
    /// `UTF-8` or `Windows-1257`, once read.
    pub encoding: Option<String>,
    /// `,` or `;`, once read.
    pub separator: Option<String>,
    /// JSON array of the recognised columns' codes, in the file's order.
    pub columns: String,
    /// JSON array of the header texts that were not recognised (ignored).
    pub ignored: String,
    /// Data rows in the file, and how many of them are checked so far.
    pub records: i32,
    pub checked: i32,
    pub error_count: i32,
    /// JSON array of the first `imports::ERRORS_KEPT` row errors.
    pub errors: String,
    pub updates: i32,
    pub creates: i32,
    pub unchanged: i32,
    /// The file's problem (a `csv::FileProblem`, JSON) or why applying failed.
    pub problem: Option<String>,
    /// The uploaded bytes, kept only while `checking`.
    #[sea_orm(column_type = "Blob", nullable)]
    pub content: Option<Vec<u8>>,
    pub created_at: DateTimeUtc,
    pub heartbeat_at: DateTimeUtc,
    pub finished_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
