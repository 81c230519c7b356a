//! Writing values as the Python scorer prints them (`--detail`, `--json`, the
//! table): `repr()` of strings, floats, tuples and TOML values, and `json.dumps`.

/// A value inside a tuple the scorer prints.
pub(super) enum Py<'a> {
    Str(&'a str),
    None,
    List(&'a [String]),
}

pub(super) fn py_tuple(items: &[Py]) -> String {
    let parts: Vec<String> = items
        .iter()
        .map(|i| match i {
            Py::Str(s) => py_str(s),
            Py::None => "None".to_string(),
            Py::List(l) => format!("[{}]", l.iter().map(|s| py_str(s)).collect::<Vec<_>>().join(", ")),
        })
        .collect();
    if parts.len() == 1 {
        format!("({},)", parts[0])
    } else {
        format!("({})", parts.join(", "))
    }
}

/// Characters Python's `repr()` escapes besides ASCII controls: separators, format
/// and private-use characters (`str.isprintable()` is false for them).
fn py_unprintable(c: char) -> bool {
    let u = c as u32;
    c.is_control()
        || matches!(
            u,
            0xA0 | 0xAD
                | 0x600..=0x605
                | 0x61C
                | 0x6DD
                | 0x70F
                | 0x890..=0x891
                | 0x8E2
                | 0x1680
                | 0x180E
                | 0x2000..=0x200F
                | 0x2028..=0x202F
                | 0x205F..=0x2064
                | 0x2066..=0x206F
                | 0x3000
                | 0xD800..=0xF8FF
                | 0xFEFF
                | 0xFFF9..=0xFFFB
                | 0x110BD
                | 0x110CD
                | 0x13430..=0x13438
                | 0x1BCA0..=0x1BCA3
                | 0x1D173..=0x1D17A
                | 0xE0001
                | 0xE0020..=0xE007F
                | 0xF0000..
        )
}

/// Python's `repr()` of a string.
pub(super) fn py_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if py_unprintable(c) => {
                let u = c as u32;
                if u < 0x100 {
                    out.push_str(&format!("\\x{u:02x}"));
                } else if u < 0x10000 {
                    out.push_str(&format!("\\u{u:04x}"));
                } else {
                    out.push_str(&format!("\\U{u:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr()` of a float.
pub(super) fn py_float(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity".into() } else { "-Infinity".into() };
    }
    // Shortest round-trip digits, as Python's repr chooses them.
    let e = format!("{x:e}");
    let (mantissa, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mantissa) = mantissa.strip_prefix('-').map_or(("", mantissa), |m| ("-", m));
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    if (-4..16).contains(&exp) {
        if exp >= 0 {
            let int_len = exp as usize + 1;
            let padded = format!("{digits:0<int_len$}");
            let (int, frac) = padded.split_at(int_len);
            format!("{sign}{int}.{}", if frac.is_empty() { "0" } else { frac })
        } else {
            format!("{sign}0.{}{digits}", "0".repeat((-exp - 1) as usize))
        }
    } else {
        let (first, rest) = digits.split_at(1);
        let rest = if rest.is_empty() { String::new() } else { format!(".{rest}") };
        format!("{sign}{first}{rest}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
    }
}

/// Python's `repr()` of a TOML value as `tomllib` loads it.
pub(super) fn py_value(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => py_str(s),
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Float(f) => match py_float(*f).as_str() {
            "NaN" => "nan".into(),
            "Infinity" => "inf".into(),
            "-Infinity" => "-inf".into(),
            s => s.into(),
        },
        toml::Value::Boolean(b) => if *b { "True" } else { "False" }.into(),
        toml::Value::Datetime(d) => match (&d.date, &d.time) {
            (Some(date), None) => format!("datetime.date({}, {}, {})", date.year, date.month, date.day),
            _ => py_str(&d.to_string()),
        },
        toml::Value::Array(items) => format!("[{}]", items.iter().map(py_value).collect::<Vec<_>>().join(", ")),
        toml::Value::Table(t) => {
            format!("{{{}}}", t.iter().map(|(k, v)| format!("{}: {}", py_str(k), py_value(v))).collect::<Vec<_>>().join(", "))
        }
    }
}

/// A JSON string as Python's `json.dumps` writes it (non-ASCII escaped).
pub(super) fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (c as u32) > 0x7E => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values are what Python 3.11 prints.
    #[test]
    fn floats_and_strings_as_python_writes_them() {
        let floats = [0.0, 1.0, 0.5, 1e-5, 0.0001, 123.0, 1e16, 1.5e16, 2.0 / 3.0, 1e15, 12345.678];
        let want =
            ["0.0", "1.0", "0.5", "1e-05", "0.0001", "123.0", "1e+16", "1.5e+16", "0.6666666666666666", "1000000000000000.0", "12345.678"];
        for (x, w) in floats.iter().zip(want) {
            assert_eq!(py_float(*x), w);
        }
        assert_eq!(py_str("it's"), "\"it's\"");
        assert_eq!(py_str("say \"hi\""), "'say \"hi\"'");
        assert_eq!(py_str("both ' \""), "'both \\' \"'");
        assert_eq!(py_str("tab\there\u{a0}\u{ad}\u{200b}\u{7f}\\"), "'tab\\there\\xa0\\xad\\u200b\\x7f\\\\'");
        assert_eq!(py_str("ok \u{e9}"), "'ok \u{e9}'");
        assert_eq!(json_str("\u{e9}\u{1f600}\""), "\"\\u00e9\\ud83d\\ude00\\\"\"");
    }

    #[test]
    fn tuples_and_toml_values_as_python_writes_them() {
        assert_eq!(py_tuple(&[Py::Str("a")]), "('a',)");
        assert_eq!(py_tuple(&[Py::Str("a"), Py::None, Py::List(&["2022-01-21".to_string()])]), "('a', None, ['2022-01-21'])");
        let v: toml::Value = toml::from_str("x = [1, 2.5, true, \"s\"]").unwrap();
        assert_eq!(py_value(&v["x"]), "[1, 2.5, True, 's']");
    }
}
