//! A zip archive of stored (uncompressed) files: the studio's one
//! "Publish" download holds the kit's folder in it. Fixed dates, so the
//! same kit makes the same bytes. [`unzip`] reads such an archive back
//! (the tests, and the end-to-end check that compares the studio's kit
//! with the command line's).

/// CRC-32 (IEEE) of `bytes`.
fn crc32(bytes: &[u8]) -> u32 {
    let mut table = [0u32; 256];
    for (n, slot) in table.iter_mut().enumerate() {
        let mut c = n as u32;
        for _ in 0..8 {
            c = if c & 1 == 1 {
                0xedb8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
        *slot = c;
    }
    !bytes.iter().fold(!0u32, |c, b| {
        table[((c ^ u32::from(*b)) & 0xff) as usize] ^ (c >> 8)
    })
}

fn u16le(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn u32le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// The archive of `files` (name, bytes), in order, under `folder/`.
pub fn zip(folder: &str, files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    // 1 January 1980, 00:00: the earliest DOS date.
    let (time, date) = (0u16, 0x21u16);
    for (name, bytes) in files {
        let name = format!("{folder}/{name}");
        let (crc, len, at) = (crc32(bytes), bytes.len() as u32, out.len() as u32);
        let head = |out: &mut Vec<u8>| {
            u16le(out, 20); // version needed
            u16le(out, 0x0800); // UTF-8 names
            u16le(out, 0); // stored
            u16le(out, time);
            u16le(out, date);
            u32le(out, crc);
            u32le(out, len);
            u32le(out, len);
            u16le(out, name.len() as u16);
            u16le(out, 0);
        };
        u32le(&mut out, 0x0403_4b50);
        head(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(bytes);
        u32le(&mut central, 0x0201_4b50);
        u16le(&mut central, 20); // made by
        head(&mut central);
        u16le(&mut central, 0); // comment
        u16le(&mut central, 0); // disk
        u16le(&mut central, 0); // internal attributes
        u32le(&mut central, 0); // external attributes
        u32le(&mut central, at);
        central.extend_from_slice(name.as_bytes());
    }
    let (at, size) = (out.len() as u32, central.len() as u32);
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4b50);
    u16le(&mut out, 0);
    u16le(&mut out, 0);
    u16le(&mut out, files.len() as u16);
    u16le(&mut out, files.len() as u16);
    u32le(&mut out, size);
    u32le(&mut out, at);
    u16le(&mut out, 0);
    out
}

/// The files of a stored archive (names as written, folders included),
/// each checked against its CRC.
pub fn unzip(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let u16at = |i: usize| {
        bytes
            .get(i..i + 2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]) as usize)
    };
    let u32at = |i: usize| {
        bytes
            .get(i..i + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    let mut out = Vec::new();
    let mut at = 0;
    while u32at(at) == Some(0x0403_4b50) {
        let bad = || format!("a bad entry at byte {at}");
        if u16at(at + 8) != Some(0) {
            return Err(format!("an entry at byte {at} is compressed"));
        }
        let crc = u32at(at + 14).ok_or_else(bad)?;
        let len = u32at(at + 18).ok_or_else(bad)? as usize;
        let (name_len, extra) = (
            u16at(at + 26).ok_or_else(bad)?,
            u16at(at + 28).ok_or_else(bad)?,
        );
        let name_at = at + 30;
        let data_at = name_at + name_len + extra;
        let name = bytes.get(name_at..name_at + name_len).ok_or_else(bad)?;
        let data = bytes.get(data_at..data_at + len).ok_or_else(bad)?;
        if crc32(data) != crc {
            return Err(format!(
                "{}: its CRC does not match",
                String::from_utf8_lossy(name)
            ));
        }
        out.push((String::from_utf8_lossy(name).into_owned(), data.to_vec()));
        at = data_at + len;
    }
    if out.is_empty() {
        return Err("not a zip archive of stored files".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_is_the_standard_one() {
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn an_archive_reads_back_and_is_the_same_each_time() {
        let files = vec![
            ("index.html".to_string(), b"<!doctype html>".to_vec()),
            ("story.kws".to_string(), vec![0, 1, 2, 255]),
            ("empty".to_string(), Vec::new()),
        ];
        let z = zip("kit", &files);
        assert_eq!(z, zip("kit", &files));
        let back = unzip(&z).unwrap();
        assert_eq!(back.len(), 3);
        assert_eq!(
            back[0],
            ("kit/index.html".to_string(), b"<!doctype html>".to_vec())
        );
        assert_eq!(back[1].1, vec![0, 1, 2, 255]);
        // The end record says where the directory is.
        let end = z.len() - 22;
        assert_eq!(&z[end..end + 4], &[0x50, 0x4b, 0x05, 0x06]);
        let mut broken = z.clone();
        broken[50] ^= 1; // inside the first file
        assert!(unzip(&broken).is_err());
        assert!(unzip(b"nothing").is_err());
    }
}
