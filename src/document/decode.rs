//! Bytes to text: binary formats refused, encodings other than UTF-8
//! decoded, with what to warn of.

use super::DocumentError;

/// The kind of a file whose first bytes are the signature of a binary
/// format that holds text only inside it (a PDF, a word-processor file).
pub(super) fn binary_format(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (or a .docx, .odt or .epub document)"),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "a Microsoft Office document"),
        (b"{\\rtf", "an RTF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x1F\x8B", "a gzip archive"),
    ];
    SIGNATURES.iter().find(|(signature, _)| bytes.starts_with(signature)).map(|(_, format)| *format)
}

/// The text of a file: UTF-8, or else Windows-1252 (which Latin-1 files
/// also read as) when nothing in it is UTF-8 beyond ASCII and every byte
/// stands for a printable char there. Returns the other encoding's name when
/// one was used. A file mixing UTF-8 with other bytes is damaged: an error
/// names the first bad byte.
pub(super) fn decode(bytes: Vec<u8>) -> Result<(String, Option<&'static str>), String> {
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return Ok((text, None)),
        Err(e) => e.into_bytes(),
    };
    let bad = || {
        let valid = bytes.utf8_chunks().next().map_or(0, |c| c.valid().len());
        format!("not valid UTF-8 at byte {valid}")
    };
    let some_utf8 = bytes.utf8_chunks().any(|c| !c.valid().is_ascii());
    if some_utf8 {
        return Err(bad());
    }
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
    // Bytes that Windows-1252 leaves undefined decode to C1 controls.
    if text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)) {
        return Err(bad());
    }
    Ok((text.into_owned(), Some("Windows-1252")))
}

/// Whether bytes look like a binary file rather than text.
pub(super) fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.is_empty() {
        return false;
    }
    let control = sample.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    control * 10 > sample.len()
}

/// The text of a file, refusing binary formats, with what to warn of: an
/// encoding other than UTF-8, NUL bytes, no text at all.
pub(super) fn decode_source(path: &str, bytes: Vec<u8>) -> Result<(String, Vec<String>), DocumentError> {
    let error = |message: String| DocumentError { path: path.to_string(), message };
    if let Some(format) = binary_format(&bytes) {
        return Err(error(format!("{format}, not text: save or export it as a .txt file to check it")));
    }
    if looks_binary(&bytes) {
        return Err(error("looks like a binary file, not text".into()));
    }
    let mut warnings = Vec::new();
    let (text, encoding) = decode(bytes).map_err(error)?;
    if let Some(encoding) = encoding {
        warnings.push(format!("not UTF-8: decoded as {encoding}"));
    }
    if text.contains('\0') {
        warnings.push("contains NUL bytes, read as spaces".to_string());
    }
    if text.strip_prefix('\u{feff}').unwrap_or(&text).trim().is_empty() {
        warnings.push("no text".to_string());
    }
    Ok((text, warnings))
}
