//! Page frame: header, footer, error notices.

mod consent;
mod error_notice;
mod footer;
mod header;
mod notices;

pub use consent::{ConsentBanner, PrivacySettingsLink};
pub use error_notice::ErrorNotice;
pub use footer::Footer;
pub use header::Header;
pub use notices::CartNotices;
