//! The WCAG 2 contrast of two colours, for the accent colour a partner picks on `/integrer`.

/// The contrast ratio of two `#rrggbb` colours (WCAG 2 relative luminance), e.g. 21.0 for
/// black on white; `None` when either is not a `#rrggbb` colour.
pub fn contrast_ratio(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (luminance(a)?, luminance(b)?);
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    Some((light + 0.05) / (dark + 0.05))
}

fn luminance(hex: &str) -> Option<f64> {
    let hex = hex.strip_prefix('#').filter(|h| h.len() == 6 && h.bytes().all(|b| b.is_ascii_hexdigit()))?;
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).ok()?) / 255.0;
        Some(if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) })
    };
    Some(0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_follows_wcag() {
        let ratio = |a, b| contrast_ratio(a, b).map(|r| (r * 100.0).round() / 100.0);
        assert_eq!(ratio("#000000", "#ffffff"), Some(21.0));
        assert_eq!(ratio("#ffffff", "#000091"), Some(14.91));
        assert_eq!(ratio("#ffffff", "#777777"), Some(4.48));
        assert_eq!(ratio("#fff", "#000000"), None);
        assert_eq!(ratio("#gggggg", "#000000"), None);
    }
}
