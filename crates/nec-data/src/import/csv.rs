//! A CSV reader for what spreadsheets write: UTF-8 with or without a byte-order mark, or
//! Windows-1252 (Excel's « CSV » in French); comma, semicolon (Excel in French) or tab between
//! fields, found on the header line; RFC 4180 quotes (`"…"`, `""` for a quote, line breaks
//! inside quotes); CRLF or LF. Every error gives its line and its column as a spreadsheet shows
//! them: the line from 1, the column as the field's number and letter (« colonne 3 (C) »).
//! Never panics, whatever the bytes (crates/nec-data/tests/fuzz.rs).

/// A field, its line (where it starts) and its column (its number in the record, from 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub text: String,
    pub line: usize,
    pub column: usize,
}

/// A problem, at a line and a column (0 when the whole line is concerned).
#[derive(Debug, Clone, PartialEq)]
pub struct CsvError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for CsvError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.column {
            0 => write!(f, "ligne {} : {}", self.line, self.message),
            column => write!(f, "ligne {}, colonne {column} ({}) : {}", self.line, letters(column), self.message),
        }
    }
}

/// A spreadsheet's column letters: 1 → A, 26 → Z, 27 → AA.
fn letters(column: usize) -> String {
    let mut n = column;
    let mut out = Vec::new();
    while n > 0 {
        let rest = (n - 1) % 26;
        out.push(char::from(b'A' + rest as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// The text of a file: UTF-8 (its BOM removed), else Windows-1252, decoded.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|b| windows_1252(*b)).collect(),
    }
}

/// Windows-1252: Latin-1 but for 0x80–0x9F (€, ’, œ, « … »). Its five unassigned bytes become
/// U+FFFD, which validation then reports.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž', '\u{FFFD}', '\u{FFFD}', '‘', '’', '“',
        '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{FFFD}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// The separator of the header line: the most frequent of `;`, `,` and tab outside quotes
/// (`;` on a tie: Excel in French).
fn separator(text: &str) -> char {
    let header = text.lines().next().unwrap_or("");
    let mut quoted = false;
    let mut counts = [0_usize; 3];
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => counts[0] += 1,
            ',' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = counts.iter().copied().max().unwrap_or(0);
    [';', ',', '\t'].into_iter().zip(counts).find(|(_, n)| *n == best).map_or(';', |(c, _)| c)
}

/// The records of the text, each a list of fields; empty lines are skipped.
pub fn records(text: &str) -> Result<Vec<Vec<Field>>, CsvError> {
    let sep = separator(text);
    let mut records = Vec::new();
    let mut record: Vec<Field> = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    loop {
        // The start of a field.
        let (start_line, column) = (line, record.len() + 1);
        let mut text = String::new();
        let mut end_of_record = false;
        if chars.peek() == Some(&'"') {
            chars.next();
            loop {
                match chars.next() {
                    None => {
                        return Err(CsvError {
                            line: start_line,
                            column,
                            message: "guillemet ouvert jamais fermé : ajoutez le \" de fin du champ".into(),
                        })
                    }
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        text.push('"');
                    }
                    Some('"') => break,
                    Some('\n') => {
                        text.push('\n');
                        line += 1;
                    }
                    Some('\r') => {}
                    Some(c) => text.push(c),
                }
            }
            match chars.next() {
                None => end_of_record = true,
                Some(c) if c == sep => {}
                Some('\n') => end_of_record = true,
                Some('\r') if chars.peek() == Some(&'\n') => {
                    chars.next();
                    end_of_record = true;
                }
                Some(c) => {
                    return Err(CsvError {
                        line,
                        column,
                        message: format!(
                            "« {c} » après un champ entre guillemets : un champ entre guillemets doit finir au séparateur « {} »",
                            shown(sep)
                        ),
                    })
                }
            }
        } else {
            loop {
                match chars.next() {
                    None | Some('\n') => {
                        end_of_record = true;
                        break;
                    }
                    Some('\r') if matches!(chars.peek(), Some('\n') | None) => {}
                    Some(c) if c == sep => break,
                    Some('"') => {
                        return Err(CsvError {
                            line,
                            column,
                            message:
                                "guillemet au milieu d’un champ : mettez tout le champ entre guillemets et doublez ce guillemet (\"\")"
                                    .into(),
                        })
                    }
                    Some(c) => text.push(c),
                }
            }
        }
        record.push(Field { text, line: start_line, column });
        if end_of_record {
            let blank = record.len() == 1 && record[0].text.trim().is_empty();
            if !blank {
                records.push(std::mem::take(&mut record));
            }
            record.clear();
            line += 1;
            if chars.peek().is_none() {
                return Ok(records);
            }
        }
    }
}

fn shown(sep: char) -> &'static str {
    match sep {
        ';' => ";",
        ',' => ",",
        _ => "tabulation",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(csv: &str) -> Vec<Vec<String>> {
        records(csv).unwrap().into_iter().map(|r| r.into_iter().map(|f| f.text).collect()).collect()
    }

    #[test]
    fn reads_what_spreadsheets_write() {
        assert_eq!(texts("a,b\r\n1,\"x, \"\"y\"\"\"\r\n"), [["a", "b"], ["1", "x, \"y\""]]);
        assert_eq!(texts("a;b\n1;2,5\n\n"), [["a", "b"], ["1", "2,5"]], "semicolon: the comma is text");
        assert_eq!(texts("a\tb\n1\t\"deux\nlignes\"\n3\t4"), [["a", "b"], ["1", "deux\nlignes"], ["3", "4"]]);
        assert_eq!(texts("a;b\n;\n"), [["a", "b"], ["", ""]]);
        assert_eq!(decode(b"\xEF\xBB\xBFid;titre"), "id;titre", "BOM removed");
        assert_eq!(decode(b"Pl\xE9ni\xE8re \x93c\x9Cur\x94 \x80"), "Plénière “cœur” €", "Windows-1252");
        assert_eq!(decode("Plénière".as_bytes()), "Plénière");
    }

    #[test]
    fn errors_say_line_and_column() {
        let error = records("a;b\n1;\"jamais fermé\n2;3").unwrap_err();
        assert_eq!(error.to_string(), "ligne 2, colonne 2 (B) : guillemet ouvert jamais fermé : ajoutez le \" de fin du champ");
        let error = records("a;b\n1;x\"y").unwrap_err();
        assert_eq!((error.line, error.column), (2, 2));
        let error = records("a;b\n\"x\"y;2").unwrap_err();
        assert_eq!((error.line, error.column), (2, 1));
        assert!(error.message.contains("séparateur « ; »"), "{error}");
        // Lines counted across a quoted line break.
        let error = records("a;b\n\"1\n2\";3\n4;\"5").unwrap_err();
        assert_eq!((error.line, error.column), (4, 2));
        assert_eq!([letters(1), letters(26), letters(27), letters(53)], ["A", "Z", "AA", "BA"]);
    }
}
