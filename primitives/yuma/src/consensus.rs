//! Steps 3 and 4: consensus (a stake-weighted quantile per column), and the clipping that
//! gives validator trust and rank.
//!
//! `C_j` is the largest `w` such that the active stake of the rows with `W_ij ≥ w` is at least
//! `kappa / 65535` of all active stake. Only rows with active stake take part. Conceptually the
//! entries of a column are sorted by weight, largest first, and their stake is accumulated until
//! it reaches the threshold; `C_j` is the weight of the entry that reaches it, or zero when the
//! column's entries never do (absent entries weigh zero). With `kappa = 0`, `C_j` is the
//! largest weight in the column.
//!
//! The entries are gathered by column, a block of columns at a time so they stay in cache, and
//! packed into one `u64` each (`weight << 16 | uid`). The crossing entry is then found by a
//! radix selection (see [`select`]) that only partially orders the column: `O(nnz + n)` time
//! overall (a full sort would cost `O(nnz · log(column size))` and find the same entry), and
//! `O(n)` memory besides a fixed 128 KiB block buffer. The comparison with the threshold is
//! exact integer arithmetic on raw stake: `stake · 65535 ≥ kappa · total`, tested as
//! `stake ≥ ⌈kappa · total / 65535⌉`.

use alloc::{vec, vec::Vec};

use crate::{fixed::Fixed, matrix::WeightRows};

/// Largest weight that fits the 48 bits of a packed key; one is the only larger weight.
const KEY_MAX: u64 = Fixed::ONE.to_bits() - 1;
/// Target number of entries gathered per block of columns (128 KiB of keys).
const BLOCK_ENTRIES: usize = 1 << 14;
/// Widest digit of the radix selection, in bits.
const MAX_DIGIT_BITS: u32 = 8;
/// Columns with at most this many candidates left are finished by sorting.
const SMALL: usize = 32;
/// Unused keys (one cache line) between the columns of a block. Without them, columns of 256
/// entries lie 2 KiB apart and the scatter, which writes one key to every column in turn,
/// maps all of them onto two sets of the L1 cache: every write missed.
const PAD: usize = 8;

/// Consensus `C_j` of every column of `w`.
///
/// `active_stake[i]` is the (scaled raw) active stake of row `i`, `active_total` their sum.
pub(crate) fn consensus(
	w: &WeightRows<'_>,
	active_stake: &[u64],
	active_total: u64,
	kappa: u16,
) -> Vec<Fixed> {
	run(w, active_stake, active_total, kappa, None)
}

/// [`consensus`] and the rank `R_j = Σ_i Sa_i · min(W_ij, C_j)` of every column (not
/// normalised); `sa` is the active stake normalised.
///
/// The rank is summed from the keys gathered for consensus, while they are in cache, right
/// after each column's consensus is known, so the weights are not decoded again for it. Rows
/// without active stake take no part in consensus and add nothing to rank (their `Sa` is zero).
/// Yuma 2 uses this: its bond pass needs the ranks before it starts (with `β = 1` they are the
/// column sums of `ΔB`) and computes validator trust itself. Yuma 3 clips in its single bond
/// pass instead, which decodes every weight anyway.
pub(crate) fn consensus_and_rank(
	w: &WeightRows<'_>,
	active_stake: &[u64],
	active_total: u64,
	kappa: u16,
	sa: &[Fixed],
) -> (Vec<Fixed>, Vec<Fixed>) {
	let mut rank = vec![Fixed::ZERO; w.rows()];
	let consensus = run(w, active_stake, active_total, kappa, Some((sa, &mut rank)));
	(consensus, rank)
}

/// [`consensus`], and the rank of every column when `rank_into` is given.
fn run(
	w: &WeightRows<'_>,
	active_stake: &[u64],
	active_total: u64,
	kappa: u16,
	mut rank_into: Option<(&[Fixed], &mut Vec<Fixed>)>,
) -> Vec<Fixed> {
	let cols = w.rows();
	let mut consensus = vec![Fixed::ZERO; cols];
	if active_total == 0 {
		// Every consensus is zero, and so every clipped weight.
		return consensus;
	}
	// stake · 65535 ≥ kappa · total ⇔ stake ≥ ⌈kappa · total / 65535⌉, which fits a u64 (kappa
	// is at most 65535): one comparison instead of a wide product per test.
	let least = (kappa as u128 * active_total as u128).div_ceil(u16::MAX as u128) as u64;
	let rows: Vec<usize> =
		(0..w.rows()).filter(|&i| active_stake[i] > 0 && w.has_entries(i)).collect();
	let counts = w.active_counts();

	// Columns are processed in blocks holding about BLOCK_ENTRIES entries, so the gathered keys
	// stay in cache; every row keeps a cursor to its first entry of the next block.
	let mut cursors = vec![0usize; rows.len()];
	let mut keys: Vec<u64> = Vec::new();
	let mut next: Vec<usize> = Vec::new();
	let mut histogram = [0u64; 1 << MAX_DIGIT_BITS];
	let mut first = 0;
	while first < cols {
		let mut end = first;
		let mut size = 0;
		while end < cols && (end == first || size + counts[end] <= BLOCK_ENTRIES) {
			size += counts[end];
			end += 1;
		}
		// Where every column of the block starts in `keys`.
		next.clear();
		let mut offset = 0;
		for &count in &counts[first..end] {
			next.push(offset);
			offset += count + PAD;
		}
		// Every slot of a column is written below before it is read (the padding never is):
		// no need to clear them.
		if keys.len() < offset {
			keys.resize(offset, 0);
		}
		for (&i, cursor) in rows.iter().zip(cursors.iter_mut()) {
			let (raw, reader) = (w.raw_row(i), w.reader(i));
			let mut p = *cursor;
			while p < raw.len() && (raw[p].0 as usize) < end {
				if let Some(weight) = reader.weight(raw[p]) {
					let slot = &mut next[raw[p].0 as usize - first];
					keys[*slot] = (weight.to_bits().min(KEY_MAX) << 16) | i as u64;
					*slot += 1;
				}
				p += 1;
			}
			*cursor = p;
		}
		// After the scatter, `next[k]` is the end of column `first + k`.
		for (k, c) in consensus[first..end].iter_mut().enumerate() {
			let column = &mut keys[next[k] - counts[first + k]..next[k]];
			if let Some(key) = select(column, active_stake, least, &mut histogram) {
				*c = unpack(w, key);
			}
			let Some((sa, rank)) = rank_into.as_mut() else {
				continue;
			};
			// The column's rank: every entry clipped at C_j, times its row's Sa (R_j ≤ Σ_i Sa_i ≤
			// 1, so the sum cannot overflow).
			let (c, sa): (Fixed, &[Fixed]) = (*c, sa);
			let mut rank_bits = 0u64;
			if c.to_bits() <= KEY_MAX {
				// Then min(W_ij, C_j) = min(packed weight, C_j): no need to unpack a weight of one.
				for &key in column.iter() {
					let clipped = Fixed::from_bits((key >> 16).min(c.to_bits()));
					rank_bits += clipped.mul_proportion(sa[(key & 0xffff) as usize]).to_bits();
				}
			} else {
				for &key in column.iter() {
					let clipped = unpack(w, key).min(c);
					rank_bits += clipped.mul_proportion(sa[(key & 0xffff) as usize]).to_bits();
				}
			}
			rank[first + k] = Fixed::from_bits(rank_bits);
		}
		first = end;
	}
	consensus
}

/// The weight packed in a consensus key. A weight of exactly one (a row with a single entry)
/// was packed as `KEY_MAX`, one unit less, to fit.
#[inline(always)]
fn unpack(w: &WeightRows<'_>, key: u64) -> Fixed {
	let bits = key >> 16;
	if bits == KEY_MAX && w.is_single((key & 0xffff) as usize) {
		Fixed::ONE
	} else {
		Fixed::from_bits(bits)
	}
}

/// The packed key at which the stake accumulated in decreasing key order first satisfies
/// `stake ≥ least`, or `None` if the whole column never does.
///
/// A most-significant-digit radix selection: the stake of the candidates is histogrammed by
/// the next digit of `key − min`, the digit where the threshold is crossed is kept and the
/// others are discarded (their stake is added to the running total when they lie above).
/// Every round costs one pass over the remaining candidates and removes at least
/// `MAX_DIGIT_BITS` bits of spread, so a column costs `O(size)` plus a small sort at the end.
/// `column` is reordered.
pub(crate) fn select(
	column: &mut [u64],
	stake: &[u64],
	least: u64,
	histogram: &mut [u64; 1 << MAX_DIGIT_BITS],
) -> Option<u64> {
	let reached = |acc: u64| acc >= least;
	let stake_of = |key: u64| stake[(key & 0xffff) as usize];
	// Stake of the entries already known to lie above every candidate.
	let mut above = 0u64;
	let mut candidates = column;
	loop {
		if candidates.len() <= SMALL {
			candidates.sort_unstable_by(|a, b| b.cmp(a));
			for &key in candidates.iter() {
				above += stake_of(key);
				if reached(above) {
					return Some(key);
				}
			}
			return None;
		}
		let (min, max) = candidates
			.iter()
			.fold((u64::MAX, 0), |(lo, hi), &k| (lo.min(k >> 16), hi.max(k >> 16)));
		let spread_bits = 64 - (max - min).leading_zeros();
		if spread_bits == 0 {
			// Every candidate has the same weight.
			let total = candidates.iter().fold(above, |acc, &k| acc + stake_of(k));
			return reached(total).then(|| candidates[0]);
		}
		// About one bucket per eight to sixteen candidates: wider digits cost more to clear and
		// scan than the narrower round after them saves (measured at 256 candidates a column).
		let size_bits = usize::BITS - candidates.len().leading_zeros();
		let digit_bits = MAX_DIGIT_BITS.min(spread_bits).min(size_bits.saturating_sub(3).max(1));
		let shift = spread_bits - digit_bits;
		let digit = |key: u64| (((key >> 16) - min) >> shift) as usize;
		let histogram = &mut histogram[..1 << digit_bits];
		histogram.fill(0);
		for &key in candidates.iter() {
			histogram[digit(key)] += stake_of(key);
		}
		let mut chosen = None;
		for d in (0..histogram.len()).rev() {
			let s = histogram[d];
			if s == 0 {
				continue;
			}
			if reached(above + s) {
				chosen = Some(d);
				break;
			}
			above += s;
		}
		let chosen = chosen?;
		// Keep the candidates of the chosen digit, moved to the front.
		let mut kept = 0;
		for t in 0..candidates.len() {
			if digit(candidates[t]) == chosen {
				candidates.swap(kept, t);
				kept += 1;
			}
		}
		let taken = core::mem::take(&mut candidates);
		candidates = &mut taken[..kept];
	}
}

/// Step 4 for one entry: clips the weight `w` at the column's consensus `c`, adds the clipped
/// weight to the row's validator trust and `sa_i` times it to the column's rank, and returns
/// the clipped weight.
///
/// The sums cannot overflow: `Σ_j W̄_ij ≤ Σ_j W_ij ≤ 1` and `R_j ≤ Σ_i Sa_i ≤ 1`, so plain
/// additions suffice (they are checked in debug builds).
#[inline(always)]
pub(crate) fn clip(
	w: Fixed,
	c: Fixed,
	sa_i: Fixed,
	row_trust: &mut Fixed,
	rank: &mut Fixed,
) -> Fixed {
	let clipped = w.min(c);
	*row_trust = Fixed::from_bits(row_trust.to_bits() + clipped.to_bits());
	*rank = Fixed::from_bits(rank.to_bits() + clipped.mul_proportion(sa_i).to_bits());
	clipped
}
