//! Step 2: validating the sparse input rows, and read-only views of the weight matrix `W` and
//! of the previous bonds `B_old`.
//!
//! Every row of the inputs is checked (uids in range, no duplicates), including rows the epoch
//! then ignores, so bad input is reported whatever the permits are. The views read the input
//! rows in place: copying a million entries into a new matrix costs more (in memory traffic and
//! fresh pages) than filtering and normalising them on the fly each time they are read. Only
//! rows that are not sorted by uid are copied, sorted, into one side buffer; sorting makes the
//! result independent of the order of the entries inside a row.

use alloc::{vec, vec::Vec};

use crate::{
	fixed::{Fixed, WeightDivisor},
	EpochError, EpochInputs,
};

/// Checks one input row: every uid below `n`, no uid twice. Returns `true` if the row is
/// already in strictly increasing uid order; otherwise `scratch` receives it sorted.
fn check_row(
	row: &[(u16, u16)],
	scratch: &mut Vec<(u16, u16)>,
	n: usize,
	field: &'static str,
	i: usize,
) -> Result<bool, EpochError> {
	// Without an early exit this loop vectorises; rows are almost always in order anyway.
	let in_order = row.windows(2).fold(true, |in_order, p| in_order & (p[0].0 < p[1].0));
	let sorted = if in_order {
		row
	} else {
		scratch.clear();
		scratch.extend_from_slice(row);
		scratch.sort_unstable_by_key(|&(j, _)| j);
		if let Some(p) = scratch.windows(2).find(|p| p[0].0 == p[1].0) {
			return Err(EpochError::DuplicateUid { field, row: i, uid: p[0].0 });
		}
		scratch.as_slice()
	};
	match sorted.last() {
		Some(&(uid, _)) if uid as usize >= n => {
			Err(EpochError::UidOutOfRange { field, row: i, uid })
		},
		_ => Ok(in_order),
	}
}

/// A validated sparse input matrix (`n` rows, or none at all), every row readable in
/// increasing uid order.
struct SortedRows<'a> {
	input: &'a [Vec<(u16, u16)>],
	/// For every row that had to be sorted, its span in `copies` (empty if no row had to).
	copied: Vec<Option<(usize, usize)>>,
	copies: Vec<(u16, u16)>,
}

impl<'a> SortedRows<'a> {
	/// Validates `input` (named `field` in errors) for `n` uids.
	fn new(
		input: &'a [Vec<(u16, u16)>],
		n: usize,
		field: &'static str,
	) -> Result<SortedRows<'a>, EpochError> {
		let mut copied = Vec::new();
		let mut copies = Vec::new();
		let mut scratch = Vec::new();
		for (i, row) in input.iter().enumerate() {
			if check_row(row, &mut scratch, n, field, i)? {
				continue;
			}
			if copied.is_empty() {
				copied = vec![None; n];
			}
			copied[i] = Some((copies.len(), copies.len() + scratch.len()));
			copies.extend_from_slice(&scratch);
		}
		Ok(SortedRows { input, copied, copies })
	}

	/// Row `i` in increasing uid order (empty if the matrix has no rows).
	#[inline]
	fn row(&self, i: usize) -> &[(u16, u16)] {
		if self.input.is_empty() {
			return &[];
		}
		match self.copied.get(i).copied().flatten() {
			Some((start, end)) => &self.copies[start..end],
			None => &self.input[i],
		}
	}

	/// Number of stored entries.
	fn nnz(&self) -> usize {
		self.input.iter().map(Vec::len).sum()
	}
}

/// Which raw entries of a weight row `W` keeps: decided once per row, so that reading the
/// row tests each entry as little as possible.
#[derive(Clone, Copy, PartialEq, Eq)]
enum RowFilter {
	/// Every stored entry.
	All,
	/// Every entry but zero weights and the self-weight (no entry is older than its uid's
	/// registration).
	ZeroAndSelf,
	/// Also drop entries set before their uid's current holder registered.
	Full,
}

/// The weight matrix `W`, read in place: only the rows of permitted uids, without
/// self-weights, zero weights and entries `(i, j)` with `last_update_i ≤ registered_at_j`,
/// each row normalised to sum to one (exactly: `floor(w · 2^48 / Σw)`).
pub(crate) struct WeightRows<'a> {
	rows: SortedRows<'a>,
	last_update: &'a [u64],
	registered_at: &'a [u64],
	/// Per row: the sum of its kept weights (zero for rows read as empty).
	divisors: Vec<WeightDivisor>,
	/// Per row: whether exactly one entry is kept (its weight is then exactly one).
	single: Vec<bool>,
	/// Per row: which test an entry must pass to be read (the cheapest that is exact).
	filter: Vec<RowFilter>,
	/// Per column: the number of entries in rows with active stake (for consensus).
	active_counts: Vec<usize>,
}

impl<'a> WeightRows<'a> {
	/// Validates the weight rows of `inputs` (lengths were validated before); rows with
	/// nonzero `active_stake` are counted per column for consensus.
	pub fn new(
		inputs: &'a EpochInputs,
		permit: &[bool],
		active_stake: &[u64],
	) -> Result<WeightRows<'a>, EpochError> {
		let n = inputs.stake.len();
		let rows = SortedRows::new(&inputs.weights, n, "weights")?;
		let mut divisors = vec![WeightDivisor::new(0); n];
		let mut single = vec![false; n];
		let mut filter = vec![RowFilter::All; n];
		let mut active_counts = vec![0; n];
		for i in (0..n).filter(|&i| permit[i]) {
			// Dropped entries are rare: only the kept ones do work in the common branch.
			// `skipped`: zero weights and the self-weight; `stale`: set before their uid's
			// current holder registered.
			let (mut sum, mut skipped, mut stale) = (0u64, 0usize, 0usize);
			let (updated, active) = (inputs.last_update[i], active_stake[i] > 0);
			let row = rows.row(i);
			for &(j, v) in row {
				if v == 0 || j as usize == i {
					skipped += 1;
				} else if updated > inputs.registered_at[j as usize] {
					sum += v as u64;
					if active {
						active_counts[j as usize] += 1;
					}
				} else {
					stale += 1;
				}
			}
			let count = row.len() - skipped - stale;
			divisors[i] = WeightDivisor::new(sum);
			single[i] = count == 1;
			filter[i] = if count == row.len() {
				RowFilter::All
			} else if stale == 0 {
				RowFilter::ZeroAndSelf
			} else {
				RowFilter::Full
			};
		}
		Ok(WeightRows {
			rows,
			last_update: &inputs.last_update,
			registered_at: &inputs.registered_at,
			divisors,
			single,
			filter,
			active_counts,
		})
	}

	/// Per column, the number of entries in rows with active stake.
	pub fn active_counts(&self) -> &[usize] {
		&self.active_counts
	}

	/// Number of rows.
	pub fn rows(&self) -> usize {
		self.divisors.len()
	}

	/// Upper bound of the number of entries of `W`.
	pub fn nnz_hint(&self) -> usize {
		self.rows.nnz()
	}

	/// The entries `(j, W_ij)` of row `i` in increasing `j` order.
	#[inline(always)]
	pub fn row(&self, i: usize) -> impl Iterator<Item = (u16, Fixed)> + '_ {
		let reader = self.reader(i);
		self.raw_row(i).iter().filter_map(move |&entry| Some((entry.0, reader.weight(entry)?)))
	}

	/// Whether row `i` is nonempty.
	pub fn has_entries(&self, i: usize) -> bool {
		self.divisors[i].get() != 0
	}

	/// Whether row `i` has exactly one entry, whose weight is then exactly one.
	pub fn is_single(&self, i: usize) -> bool {
		self.single[i]
	}

	/// Row `i` as stored (sorted, unfiltered), for cursors that walk it in steps.
	#[inline]
	pub fn raw_row(&self, i: usize) -> &[(u16, u16)] {
		if self.divisors[i].get() == 0 {
			&[]
		} else {
			self.rows.row(i)
		}
	}

	/// What it takes to read the raw entries of row `i` ([`RowReader::weight`]), copied out so
	/// that a loop over the row keeps it in registers.
	#[inline(always)]
	pub fn reader(&self, i: usize) -> RowReader<'a> {
		RowReader {
			i,
			filter: self.filter[i],
			divisor: self.divisors[i],
			updated: self.last_update[i],
			registered_at: self.registered_at,
		}
	}
}

/// One row of `W` read from its raw entries: see [`WeightRows::reader`].
#[derive(Clone, Copy)]
pub(crate) struct RowReader<'a> {
	i: usize,
	filter: RowFilter,
	divisor: WeightDivisor,
	updated: u64,
	registered_at: &'a [u64],
}

impl RowReader<'_> {
	/// Whether the raw entry `(j, v)` of the row is kept, and its weight.
	#[inline(always)]
	pub fn weight(&self, (j, v): (u16, u16)) -> Option<Fixed> {
		let kept = match self.filter {
			RowFilter::All => true,
			RowFilter::ZeroAndSelf => v != 0 && j as usize != self.i,
			RowFilter::Full => {
				v != 0 && j as usize != self.i && self.updated > self.registered_at[j as usize]
			},
		};
		kept.then(|| self.divisor.divide(v))
	}
}

/// The previous bonds `B_old`, read in place. The row of a uid without a permit reads as
/// empty; entries in the columns of uids registered after `last_epoch_block` read as zero.
pub(crate) struct BondRows<'a> {
	rows: SortedRows<'a>,
	permit: &'a [bool],
	reset: Vec<bool>,
}

impl<'a> BondRows<'a> {
	/// Validates the bond rows of `inputs` (lengths were validated before).
	pub fn new(inputs: &'a EpochInputs, permit: &'a [bool]) -> Result<BondRows<'a>, EpochError> {
		let rows = SortedRows::new(&inputs.bonds, inputs.stake.len(), "bonds")?;
		let reset = inputs.registered_at.iter().map(|&r| r > inputs.last_epoch_block).collect();
		Ok(BondRows { rows, permit, reset })
	}

	/// Upper bound of the number of entries.
	pub fn nnz_hint(&self) -> usize {
		self.rows.nnz()
	}

	/// Row `i` as stored, sorted by uid (empty for a uid without a permit); entries may be zero
	/// or in a reset column (see [`bond`](Self::bond)).
	#[inline]
	pub fn raw_row(&self, i: usize) -> &[(u16, u16)] {
		if self.permit[i] {
			self.rows.row(i)
		} else {
			&[]
		}
	}

	/// The bond of a raw entry: zero in a reset column, else its stored proportion.
	#[inline(always)]
	pub fn bond(&self, (j, v): (u16, u16)) -> Fixed {
		if self.reset[j as usize] {
			Fixed::ZERO
		} else {
			Fixed::from_u16_proportion(v)
		}
	}

	/// The sum of every column (`cols` columns) of the bonds as read by [`bond`](Self::bond),
	/// saturating.
	pub fn column_sums(&self, cols: usize) -> Vec<u64> {
		// A stored u decodes to u · K + (u ≠ 0) with K = (2^48 − 1) / 65535 (see
		// `Fixed::from_u16_proportion`), so a column sums to K · Σu + (number of nonzero u).
		// Both counts fit 32 bits (at most 65536 entries of at most 65535), so one u64 per
		// column carries them: Σu in the high half, the count in the low half.
		let mut packed = vec![0u64; cols];
		for i in 0..self.permit.len() {
			for &(j, u) in self.raw_row(i) {
				packed[j as usize] += ((u as u64) << 32) | (u != 0) as u64;
			}
		}
		let per_unit = Fixed::from_u16_proportion(1).to_bits() - 1;
		packed
			.iter()
			.zip(&self.reset)
			.map(|(&packed, &reset)| {
				// A reset column reads as zero throughout.
				let sum =
					(packed >> 32) as u128 * per_unit as u128 + (packed & 0xffff_ffff) as u128;
				if reset {
					0
				} else {
					u64::try_from(sum).unwrap_or(u64::MAX)
				}
			})
			.collect()
	}
}
