//! Sparse unit vectors and their cosine: how alike two passages are, term by term.

/// A unit-length sparse vector: (term id, weight), sorted by term id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Vector(Vec<(u32, f32)>);

impl Vector {
    /// No terms.
    pub const EMPTY: Vector = Vector(Vec::new());

    /// The vector of `(term, weight)` pairs, in any order (a term's weights add up); scaled
    /// to unit length (all zero stays empty).
    pub fn unit(entries: Vec<(u32, f32)>) -> Vector {
        Vector::damped(entries, 0.0)
    }

    /// The vector of `(term, weight)` pairs, scaled by `1 / sqrt(|v|² + prior²)`: as if it
    /// also had a term of its own of weight `prior`, which no other vector shares. A
    /// vector of much more weight than `prior` is about unit length; one of little weight
    /// stays short, so its cosine with any other is small however well the few terms it
    /// has agree. Zero `prior` is [`Vector::unit`].
    pub fn damped(entries: Vec<(u32, f32)>, prior: f32) -> Vector {
        let mut entries = merged(entries);
        entries.retain(|e| e.1 > 0.0);
        let norm = (entries.iter().map(|(_, w)| w * w).sum::<f32>() + prior * prior).sqrt();
        if norm > 0.0 {
            for (_, w) in &mut entries {
                *w /= norm;
            }
        }
        Vector(entries)
    }

    /// Cosine similarity with another unit vector (for damped vectors, their cosine
    /// scaled by both their lengths).
    pub fn cosine(&self, other: &Vector) -> f32 {
        let (mut i, mut j, mut sum) = (0, 0, 0.0f32);
        let (a, b) = (&self.0, &other.0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += a[i].1 * b[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }

    /// The cosine with a unit vector given by term (`dense[t]`, zero for its terms
    /// missing there): [`Vector::cosine`] to the same bits, the other's weight times this
    /// one's, added by term.
    pub fn dot_dense(&self, dense: &[f32]) -> f32 {
        let mut sum = 0.0f32;
        for &(t, w) in &self.0 {
            if let Some(&x) = dense.get(t as usize)
                && x != 0.0
            {
                sum += x * w;
            }
        }
        sum
    }

    /// The (term, weight) entries.
    pub fn entries(&self) -> &[(u32, f32)] {
        &self.0
    }

    /// Whether the vector has no terms.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// `(term, weight)` pairs with each term once, its weights summed; sorted by term.
/// Sorting rather than a map: linear in memory and n log n in time whatever the input.
pub fn merged(mut entries: Vec<(u32, f32)>) -> Vec<(u32, f32)> {
    crate::sort::sort_by(&mut entries, |a, b| a.0.cmp(&b.0));
    let mut out: Vec<(u32, f32)> = Vec::with_capacity(entries.len());
    for (t, w) in entries {
        match out.last_mut() {
            Some(last) if last.0 == t => last.1 += w,
            _ => out.push((t, w)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_vectors_have_cosine_one_with_themselves() {
        let v = Vector::unit(vec![(3, 2.0), (1, 1.0)]);
        assert!((v.cosine(&v) - 1.0).abs() < 1e-6);
        assert_eq!(v.entries()[0].0, 1);
        assert!(Vector::unit(vec![(1, 0.0)]).is_empty());
        assert_eq!(Vector::default().cosine(&v), 0.0);
    }

    #[test]
    fn the_dense_dot_product_is_the_cosine_to_the_bit() {
        let a = Vector::unit(vec![(1, 0.3), (4, 1.7), (9, 0.2), (30, 2.9)]);
        let b = Vector::damped(
            vec![(0, 1.1), (4, 0.7), (9, 3.3), (12, 0.4), (30, 0.1)],
            2.0,
        );
        let mut dense = vec![0.0; 31];
        for &(t, w) in a.entries() {
            dense[t as usize] = w;
        }
        assert_eq!(b.dot_dense(&dense).to_bits(), a.cosine(&b).to_bits());
        // Terms beyond the table count as missing there: only term 4 is shared below 5.
        let (a4, b4) = (a.entries()[1].1, b.entries()[1].1);
        assert_eq!(b.dot_dense(&dense[..5]).to_bits(), (a4 * b4).to_bits());
    }

    #[test]
    fn a_damped_vector_of_little_weight_is_short() {
        let light = Vector::damped(vec![(1, 1.0)], 3.0);
        let heavy = Vector::damped(vec![(1, 30.0)], 3.0);
        assert!((light.cosine(&light) - 0.1).abs() < 1e-6);
        assert!(heavy.cosine(&heavy) > 0.99);
        assert_eq!(
            Vector::damped(vec![(1, 2.0)], 0.0),
            Vector::unit(vec![(1, 2.0)])
        );
    }
}
