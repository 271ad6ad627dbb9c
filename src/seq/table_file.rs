//! A model's weights as shipped: the compact file its trainer writes (`magic`, u32 tag count,
//! u32 model value, u32 row count, the 32-bit row keys sorted and delta-varint coded, one u8
//! entry count per row, one u8 scale code per row, then the entries, u8 tags then i8 weights,
//! row by row). The runtime lays a file out as a [`table`](super::table) once, when the model
//! is first used: the laid-out table is faster to read but about twice the size, which the
//! wasm download would pay.

use super::table_build::Builder;
use super::ModelError;

/// What a file must be: its magic, its tag count, and the rows kept dense when laid out
/// (`table_build::Builder::new`).
pub struct Kind {
    pub magic: &'static [u8; 8],
    pub name: &'static str,
    pub tags: usize,
    pub dense_min: usize,
}

/// Lays out a file of `kind` as a table.
pub fn lay_out(b: &[u8], kind: &Kind) -> Result<Vec<u8>, ModelError> {
    let mut r = Reader { b, pos: 0 };
    if r.take(8)? != kind.magic {
        return Err(ModelError::BadMagic { model: kind.name });
    }
    let tags = r.u32()? as usize;
    if tags != kind.tags {
        return Err(ModelError::TagCount {
            found: tags,
            expected: kind.tags,
        });
    }
    let value = r.u32()? as usize;
    let n = r.u32()? as usize;
    let mut keys = Vec::with_capacity(n.min(b.len()));
    let mut last = 0u32;
    for _ in 0..n {
        last = last
            .checked_add(r.varint()?)
            .ok_or(ModelError::Corrupt("feature keys overflow 32 bits"))?;
        keys.push(last);
    }
    let counts = r.take(n)?;
    let codes = r.take(n)?;
    let weights: usize = counts.iter().map(|&c| c as usize).sum();
    let mut t = Builder::new(kind.tags, n, weights, value, kind.dense_min);
    for ((&k, &c), &code) in keys.iter().zip(counts).zip(codes) {
        let c = c as usize;
        let tags = r.take(c)?;
        let ws = r.take(c)?;
        if tags.iter().any(|&t| t as usize >= kind.tags) {
            return Err(ModelError::Corrupt("a weight for a tag out of range"));
        }
        t.push_row(k, code, tags.iter().zip(ws).map(|(&t, &w)| (t, w as i8)));
    }
    Ok(t.finish())
}

/// Writes rows of (key, scale code, entries as tag/weight byte pairs), sorted by key, as a
/// file of `kind` that [`lay_out`] reads; `value` is the model's own (`table::Header::value`).
pub fn write(kind: &Kind, value: usize, rows: &[(u32, u8, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(kind.magic);
    out.extend_from_slice(&(kind.tags as u32).to_le_bytes());
    out.extend_from_slice(&(value as u32).to_le_bytes());
    out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    let mut last = 0u32;
    for &(k, _, _) in rows {
        write_varint(&mut out, k - last);
        last = k;
    }
    out.extend(rows.iter().map(|r| (r.2.len() / 2) as u8));
    out.extend(rows.iter().map(|r| r.1));
    for &(_, _, e) in rows {
        out.extend(e.iter().step_by(2));
        out.extend(e.iter().skip(1).step_by(2));
    }
    out
}

fn write_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let s = self
            .b
            .get(self.pos..self.pos.saturating_add(n))
            .ok_or(ModelError::Truncated)?;
        self.pos += n;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }
    fn varint(&mut self) -> Result<u32, ModelError> {
        let mut v = 0u32;
        for shift in (0..35).step_by(7) {
            let byte = self.take(1)?[0];
            v |= ((byte & 0x7F) as u32) << shift;
            if byte & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ModelError::Corrupt("bad varint in the feature keys"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seq::table::Table;
    use std::borrow::Cow;

    const KIND: Kind = Kind {
        magic: b"LEDETEST",
        name: "test model",
        tags: 3,
        dense_min: 3,
    };

    #[test]
    fn a_written_file_lays_out_as_its_rows() {
        let rows: Vec<(u32, u8, &[u8])> = vec![
            (7, 128, &[0, 5, 2, 0xFB]),
            (300, 130, &[1, 1]),
            (1 << 30, 128, &[0, 1, 1, 2, 2, 3]),
        ];
        let file = write(&KIND, 9, &rows);
        let table = Table::<3>::new(Cow::Owned(lay_out(&file, &KIND).unwrap())).unwrap();
        assert_eq!(table.h.value, 9);
        assert_eq!(table.rows(), rows);
    }

    #[test]
    fn a_bad_file_is_an_error_not_a_panic() {
        let file = write(&KIND, 0, &[(7, 128, &[0, 5])]);
        assert!(lay_out(&file[..file.len() - 1], &KIND).is_err());
        assert!(lay_out(b"LEDEXXXX", &KIND).is_err());
        let mut other = write(&KIND, 0, &[(7, 128, &[5, 5])]);
        assert!(lay_out(&other, &KIND).is_err(), "tag out of range");
        other[8] = 4;
        assert!(lay_out(&other, &KIND).is_err(), "tag count");
    }
}
