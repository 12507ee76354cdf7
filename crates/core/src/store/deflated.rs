//! Text kept deflated in the database (RFC 1951, through `flate2`): an approval's snapshot of
//! the approved minutes. As JSON text it was a fifth of a twenty-year archive (issue 20);
//! deflated it is about a sixth of that.

use rusqlite::functions::FunctionFlags;
use rusqlite::Connection;
use std::io::{Read, Write};

/// No snapshot inflates to more than this: a damaged or planted value cannot take the memory.
const MAX_INFLATED: u64 = 64 * 1024 * 1024;

/// `text`, deflated.
pub(crate) fn deflate(text: &str) -> Vec<u8> {
    let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(text.as_bytes()).expect("writing to a Vec cannot fail");
    e.finish().expect("writing to a Vec cannot fail")
}

/// The text `bytes` deflated; `None` when they are not deflated UTF-8 text within bounds.
pub(crate) fn inflate(bytes: &[u8]) -> Option<String> {
    let mut out = String::new();
    let n = flate2::read::DeflateDecoder::new(bytes).take(MAX_INFLATED + 1).read_to_string(&mut out).ok()?;
    (n as u64 <= MAX_INFLATED).then_some(out)
}

/// `pejling_deflate(text)` for the migration that deflated the snapshots already stored
/// (`0017_snapshot_deflated.sql`). Innocuous: it reads nothing but its argument.
pub(crate) fn register_functions(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        "pejling_deflate",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC | FunctionFlags::SQLITE_INNOCUOUS,
        |ctx| Ok(ctx.get::<Option<String>>(0)?.map(|t| deflate(&t))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_comes_back_as_it_went_in() {
        let text = r#"{"record":{"items":[{"title":"Æblehaven – 2. behandling"}]}}"#.repeat(50);
        let packed = deflate(&text);
        assert!(packed.len() * 5 < text.len(), "{} of {}", packed.len(), text.len());
        assert_eq!(inflate(&packed).as_deref(), Some(text.as_str()));
    }

    #[test]
    fn damaged_bytes_are_none_never_a_panic() {
        let mut packed = deflate("godkendt referat");
        packed.truncate(packed.len() / 2);
        assert_eq!(inflate(&packed), None);
        assert_eq!(inflate(b"not deflated at all"), None);
        // Not UTF-8 once inflated.
        let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(&[0xff, 0xfe, 0x00]).unwrap();
        assert_eq!(inflate(&e.finish().unwrap()), None);
    }

    #[test]
    fn a_bomb_stops_at_the_bound() {
        // 65 MiB of one byte deflates to some 64 KiB; it is refused, not inflated.
        let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![b'0'; 1024 * 1024];
        for _ in 0..65 {
            e.write_all(&zeros).unwrap();
        }
        assert_eq!(inflate(&e.finish().unwrap()), None);
    }
}
