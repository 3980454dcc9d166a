//! Steps 4 to 7 in as few passes as possible: clipping (validator trust and rank, for Yuma 3;
//! Yuma 2 gets them from `consensus.rs`), bond weights, the Yuma 2 and Yuma 3 bond updates, and
//! dividends.
//!
//! Each version merges, row by row, the weights `W` (turned into bond weights `W̃` on the fly)
//! with the previous bonds `B_old` (both rows sorted by uid) into new rows over the union of
//! their entries ([`PackedRows`], zeros dropped), so a pair keeps a bond while either side is
//! nonzero; the column sums (and, for Yuma 2, column maxima) are accumulated during the merge,
//! and for Yuma 3 so are validator trust and rank. One last pass then produces both the
//! dividends and the rows to store. Rows of uids without a permit are empty on both sides (see
//! `matrix.rs`) and so stay empty: they are neither used nor stored. The default `β = 1`
//! (`W̃ = W̄`) has its own monomorphised loops, where no bond weight needs computing.
//!
//! Dividends use `Σ_j (B_ij / Σ_k B_kj) · I_j = Σ_j B_ij · f_j` with the per-column factor
//! `f_j = I_j / Σ_k B_kj` kept with 48 fractional bits, as a `u64` when every factor fits one
//! (the usual case), else as a `u128` (it may exceed the range of a `Fixed`); since
//! `B_ij ≤ Σ_k B_kj`, every product is at most `I_j · 2^48` and cannot overflow.

use alloc::{vec, vec::Vec};

use crate::{
	consensus::clip,
	fixed::{mul_frac, normalise, shr_frac, wide_mul, Fixed, FRAC_BITS},
	liquid_alpha::LiquidAlpha,
	matrix::{BondRows, WeightRows},
	sparse::{unpack, PackedRows},
};

/// What steps 4 to 7 produce.
pub(crate) struct BondOutput {
	/// Validator trust of every uid.
	pub trust: Vec<Fixed>,
	/// Incentive of every uid (normalised rank).
	pub incentive: Vec<Fixed>,
	/// Dividends of every uid, not yet normalised.
	pub dividends: Vec<Fixed>,
	/// The bonds to store, as u16 rows.
	pub bonds: Vec<Vec<(u16, u16)>>,
}

/// The hyperparameters of the bond step.
pub(crate) struct BondParams<'a> {
	/// Consensus of every column.
	pub consensus: &'a [Fixed],
	/// Active stake `Sa` of every row.
	pub sa: &'a [Fixed],
	/// Bonds penalty `β`.
	pub beta: Fixed,
	/// Moving-average coefficient `α = 1 − bonds_moving_average / 1e6`.
	pub alpha: Fixed,
}

/// The bond weight `W̃ = (1 − β) · W + β · min(W, C)` of one entry with weight `w` and column
/// consensus `c`.
#[inline(always)]
pub(crate) fn bond_weight(w: Fixed, c: Fixed, beta: Fixed) -> Fixed {
	// (1 − β) · W + β · W̄ = W − β · (W − W̄), and W − W̄ = max(W − C, 0).
	w - (w - c).mul_proportion(beta)
}

/// Room for the merged bonds: their count is usually the larger of the two inputs' (the
/// same validators keep weighting the same uids); a larger union grows the vector.
fn merged_capacity(w: &WeightRows<'_>, b_old: &BondRows<'_>) -> usize {
	w.nnz_hint().max(b_old.nnz_hint()) + w.rows()
}

/// Calls `f(column, w, old)` once for every column present in row `i` of either `w` or
/// `b_old`, with zero for a missing side; both rows are sorted by column. The single call site
/// lets the compiler inline `f`. With `RESET = false` the old bonds of reset columns are passed
/// as stored, for a caller that zeroes them itself (Yuma 2 scales them by a zero factor).
#[inline(always)]
fn merge_rows<const RESET: bool>(
	w: &WeightRows<'_>,
	b_old: &BondRows<'_>,
	i: usize,
	mut f: impl FnMut(u16, Fixed, Fixed),
) {
	let weights = w.raw_row(i);
	let reader = w.reader(i);
	let old = b_old.raw_row(i);
	let (mut x, mut y) = (0, 0);
	loop {
		// A side that is used up reads as column u32::MAX, past every real column.
		let jw = weights.get(x).map_or(u32::MAX, |e| u32::from(e.0));
		let jb = old.get(y).map_or(u32::MAX, |e| u32::from(e.0));
		let value = if jw <= jb {
			if jw == u32::MAX {
				return;
			}
			x += 1;
			match reader.weight(weights[x - 1]) {
				Some(value) => value,
				// An entry that `W` drops, with no bond beside it.
				None if jw < jb => continue,
				None => Fixed::ZERO,
			}
		} else {
			Fixed::ZERO
		};
		let bond = if jb <= jw {
			y += 1;
			if RESET {
				b_old.bond(old[y - 1])
			} else {
				Fixed::from_u16_proportion(old[y - 1].1)
			}
		} else {
			Fixed::ZERO
		};
		f(jw.min(jb) as u16, value, bond);
	}
}

/// Per column, `numerator_j / sums_j` as a `u128` with 48 fractional bits (zero for an empty
/// column). [`scale`] multiplies an entry `v ≤ sums_j` by it, giving `v · numerator_j / sums_j`
/// (floored, within one ulp) without a division; the product is at most
/// `numerator_j · 2^48` and cannot overflow.
fn column_factors(sums: &[u64], numerators: impl Iterator<Item = Fixed>) -> Vec<u128> {
	sums.iter()
		.zip(numerators)
		.map(
			|(&sum, numerator)| {
				if sum == 0 {
					0
				} else {
					((numerator.to_bits() as u128) << FRAC_BITS) / sum as u128
				}
			},
		)
		.collect()
}

/// The factors as `u64`, if they all fit (the usual case): a `u64` factor costs one 64 × 64-bit
/// product per entry (see [`Factor`]).
fn narrow(factors: &[u128]) -> Option<Vec<u64>> {
	factors.iter().map(|&f| u64::try_from(f).ok()).collect()
}

/// The raw bits of every value.
fn max_bits(values: &[Fixed]) -> Vec<u64> {
	values.iter().map(|v| v.to_bits()).collect()
}

/// The dividend factors `f_j = I_j / sums_j`.
fn dividend_factors(sums: &[u64], incentive: &[Fixed]) -> Vec<u128> {
	column_factors(sums, incentive.iter().copied())
}

/// The last pass over the new bonds `b`: the dividend of every row, `scale_i · Σ_j B_ij · f_j`
/// (`scale = None` means one), and the rows to store, `store(j, B_ij)` without zeros.
fn dividends_and_rows(
	b: &PackedRows,
	factors: &[u128],
	scale: Option<&[Fixed]>,
	store: impl Fn(u16, Fixed) -> u16,
) -> (Vec<Vec<(u16, u16)>>, Vec<Fixed>) {
	match narrow(factors) {
		Some(factors) => dividends_and_rows_with(b, &factors, scale, store),
		None => dividends_and_rows_with(b, factors, scale, store),
	}
}

/// A per-column factor of [`column_factors`] (48 fractional bits), as a `u64` when every
/// factor fits one, else as a `u128`.
trait Factor: Copy {
	/// `floor(v · self / 2^48)`, for a product whose result fits a `u64`.
	fn times(self, v: Fixed) -> u64;
}

impl Factor for u64 {
	#[inline(always)]
	fn times(self, v: Fixed) -> u64 {
		mul_frac(self, v.to_bits())
	}
}

impl Factor for u128 {
	#[inline(always)]
	fn times(self, v: Fixed) -> u64 {
		// v · self = v · low + v · high · 2^64; the whole product is below 2^112 (its result
		// fits a u64), so v · high < 2^48 adds to the high half without overflow.
		let (high, low) = wide_mul(v.to_bits(), self as u64);
		shr_frac(high + v.to_bits() * (self >> 64) as u64, low)
	}
}

/// [`dividends_and_rows`] for factors of type `F`.
#[inline(always)]
fn dividends_and_rows_with<F: Factor>(
	b: &PackedRows,
	factors: &[F],
	scale: Option<&[Fixed]>,
	store: impl Fn(u16, Fixed) -> u16,
) -> (Vec<Vec<(u16, u16)>>, Vec<Fixed>) {
	let mut rows = Vec::with_capacity(b.rows());
	let mut dividends = vec![Fixed::ZERO; b.rows()];
	for (i, entries) in b.iter_rows() {
		// Every term is at most I_j and Σ_j I_j ≤ 1: the sum fits a u64.
		let mut share: u64 = 0;
		let mut zeros = false;
		// Collected from a slice, so written without a capacity test per entry; an entry that
		// stores as zero (rare: far below its column's maximum) is removed afterwards.
		let mut row: Vec<(u16, u16)> = entries
			.iter()
			.map(|&entry| {
				let (j, v) = unpack(entry);
				share = share.saturating_add(factors[j as usize].times(v));
				let stored = store(j, v);
				zeros |= stored == 0;
				(j, stored)
			})
			.collect();
		if zeros {
			row.retain(|&(_, stored)| stored != 0);
		}
		let share = Fixed::from_bits(share);
		dividends[i] = match scale {
			Some(scale) => scale[i].saturating_mul(share),
			None => share,
		};
		rows.push(row);
	}
	(rows, dividends)
}

/// Yuma 2: `B = column-normalise(α · column-normalise(Sa ∘ W̃) + (1 − α) ·
/// column-normalise(B_old))`, dividends `D_i = Σ_j B_ij · I_j`; stored bonds are `B` with every
/// column's maximum scaled to one.
///
/// The ranks come with consensus ([`crate::consensus::consensus_and_rank`]); validator trust is
/// summed in the moving-average pass.
pub(crate) fn yuma2(
	w: &WeightRows<'_>,
	b_old: &BondRows<'_>,
	p: &BondParams<'_>,
	rank: Vec<Fixed>,
) -> BondOutput {
	let n = w.rows();
	// Pass 1: the column sums of ΔB = Sa_i · W̃_ij (each at most one). With β = 1, W̃ = W̄ and
	// the sums are the ranks, already known.
	let delta_sums: Vec<u64> = if p.beta == Fixed::ONE {
		rank.iter().map(|r| r.to_bits()).collect()
	} else {
		yuma2_delta(w, p)
	};

	// Pass 2: the moving average, with column sums and maxima. The column normalisations and
	// the coefficients are folded into one factor per column and side:
	// α · ΔB_ij / Σ_k ΔB_kj + (1 − α) · B_old_ij / Σ_k B_old_kj.
	let delta_factors = column_factors(&delta_sums, core::iter::repeat(p.alpha));
	let old_factors =
		column_factors(&b_old.column_sums(n), core::iter::repeat(Fixed::ONE - p.alpha));
	let full_penalty = p.beta == Fixed::ONE;
	let (trust, b, sums, max) = match (narrow(&delta_factors), narrow(&old_factors), full_penalty) {
		(Some(delta), Some(old), true) => yuma2_average::<_, true>(w, b_old, p, &delta, &old),
		(Some(delta), Some(old), false) => yuma2_average::<_, false>(w, b_old, p, &delta, &old),
		_ => yuma2_average::<_, false>(w, b_old, p, &delta_factors, &old_factors),
	};

	// Pass 3: dividends use the column-normalised B; storage scales every column's maximum to one.
	// The largest entry of a column is stored as exactly 65535, the others as
	// floor(B · 65535 / max) (possibly one less, as the factor is floored).
	let mut incentive = rank;
	normalise(&mut incentive);
	let factors = dividend_factors(&sums, &incentive);
	let upscale = column_factors(&max_bits(&max), core::iter::repeat(Fixed::from_int(u16::MAX)));
	// Each column's upscale factor beside its maximum: one cache line per entry, not two.
	let (bonds, dividends) = match narrow(&upscale) {
		Some(narrow) => {
			let columns = paired(narrow, &max);
			dividends_and_rows(&b, &factors, None, |j, v| upscaled(&columns, j, v))
		},
		None => {
			let columns = paired(upscale, &max);
			dividends_and_rows(&b, &factors, None, |j, v| upscaled(&columns, j, v))
		},
	};
	BondOutput { trust, incentive, dividends, bonds }
}

/// Every column's upscale factor beside its maximum.
fn paired<F>(upscale: Vec<F>, max: &[Fixed]) -> Vec<(F, Fixed)> {
	upscale.into_iter().zip(max.iter().copied()).collect()
}

/// The stored u16 of a Yuma 2 bond `v` in column `j`, given every column's upscale factor and
/// maximum: 65535 for the column's maximum, else `v` times the column's upscale factor.
#[inline(always)]
fn upscaled<F: Factor>(columns: &[(F, Fixed)], j: u16, v: Fixed) -> u16 {
	let (upscale, max) = columns[j as usize];
	if v == max {
		u16::MAX
	} else {
		(upscale.times(v) >> FRAC_BITS) as u16
	}
}

/// Pass 1 of Yuma 2 for `β < 1`: the column sums of `ΔB = Sa_i · W̃_ij`.
fn yuma2_delta(w: &WeightRows<'_>, p: &BondParams<'_>) -> Vec<u64> {
	let mut delta_sums = vec![0u64; w.rows()];
	for (i, &s) in p.sa.iter().enumerate() {
		for (j, weight) in w.row(i) {
			let j = j as usize;
			let delta = bond_weight(weight, p.consensus[j], p.beta).mul_proportion(s);
			delta_sums[j] = delta_sums[j].saturating_add(delta.to_bits());
		}
	}
	delta_sums
}

/// Entries of pass 2 of Yuma 2 gathered on the stack before they are appended to the new bonds.
const CHUNK: usize = 64;

/// Per-column state of pass 2 of Yuma 2, kept together so a sparse row touches one cache line
/// per column instead of five.
#[derive(Clone, Copy)]
struct AverageColumn<F> {
	consensus: Fixed,
	delta_factor: F,
	old_factor: F,
	sum: u64,
	max: Fixed,
}

/// Pass 2 of Yuma 2: `B_ij = ΔB_ij · delta_j + B_old_ij · old_j` over the union of both rows
/// (zeros dropped), with the column sums and maxima of `B`, and validator trust (step 4).
/// `FULL_PENALTY` says `β = 1`.
fn yuma2_average<F: Factor, const FULL_PENALTY: bool>(
	w: &WeightRows<'_>,
	b_old: &BondRows<'_>,
	p: &BondParams<'_>,
	delta_factors: &[F],
	old_factors: &[F],
) -> (Vec<Fixed>, PackedRows, Vec<u64>, Vec<Fixed>) {
	let n = w.rows();
	let mut trust = vec![Fixed::ZERO; n];
	let mut b = PackedRows::with_capacity(n, merged_capacity(w, b_old));
	let mut columns: Vec<AverageColumn<F>> = p
		.consensus
		.iter()
		.zip(delta_factors.iter().zip(old_factors))
		.map(|(&consensus, (&delta_factor, &old_factor))| AverageColumn {
			consensus,
			delta_factor,
			old_factor,
			sum: 0,
			max: Fixed::ZERO,
		})
		.collect();
	// Only the first `k` slots are ever read: no need to clear them for every row.
	let mut chunk = [0u64; CHUNK];
	for (i, &s) in p.sa.iter().enumerate() {
		// Σ_j W̄_ij ≤ Σ_j W_ij ≤ 1: the sum cannot overflow.
		let mut trust_bits = 0u64;
		let mut k = 0;
		// A reset column sums to zero, so its old-bond factor is zero: no need to test for it.
		merge_rows::<false>(w, b_old, i, |j, weight, old| {
			let column = &mut columns[j as usize];
			let clipped = weight.min(column.consensus);
			trust_bits += clipped.to_bits();
			let target =
				if FULL_PENALTY { clipped } else { bond_weight(weight, column.consensus, p.beta) };
			let delta = target.mul_proportion(s);
			// The first term is at most α, the second at most 1 − α (an entry is at most its
			// column's sum): the plain sum cannot overflow and is at most one (`min` guards the
			// packing should a saturated old-bond sum ever break that).
			let value =
				Fixed::from_bits(column.delta_factor.times(delta) + column.old_factor.times(old))
					.min(Fixed::ONE);
			// A zero value changes neither sum nor maximum, and its slot is reused.
			chunk[k] = PackedRows::pack(j, value);
			k += !value.is_zero() as usize;
			column.sum += value.to_bits();
			column.max = column.max.max(value);
			if k == CHUNK {
				b.extend(&chunk);
				k = 0;
			}
		});
		b.extend(&chunk[..k]);
		b.finish_row();
		trust[i] = Fixed::from_bits(trust_bits);
	}
	let sums = columns.iter().map(|c| c.sum).collect();
	let max = columns.iter().map(|c| c.max).collect();
	(trust, b, sums, max)
}

/// Yuma 3: per pair `B = min(1, (1 − α) · B_old + α · W̃)`, dividends
/// `D_i = Sa_i · Σ_j (B_ij / Σ_k B_kj) · I_j`; stored bonds are `B` itself.
///
/// With `liquid = Some(table)`, `α` comes from the table (liquid alpha), else it is `p.alpha`.
/// The moving average is computed as `B_old + α · (W̃ − B_old)` (one product, rounded toward
/// `B_old`).
pub(crate) fn yuma3(
	w: &WeightRows<'_>,
	b_old: &BondRows<'_>,
	p: &BondParams<'_>,
	liquid: Option<&mut LiquidAlpha>,
) -> BondOutput {
	let consensus = p.consensus;
	// One monomorphised merge loop per rule keeps the per-pair work inline.
	// One monomorphised pass per rule and for β = 1 (the default, where W̃ = W̄ ≤ C, so a
	// growing bond has d = 0 under liquid alpha).
	let fixed = |_, _, _, _| p.alpha;
	let (trust, rank, b, sums) = match (liquid, p.beta == Fixed::ONE) {
		(None, true) => yuma3_bonds::<true>(w, b_old, p, fixed),
		(None, false) => yuma3_bonds::<false>(w, b_old, p, fixed),
		(Some(table), true) => {
			let grown = table.alpha(Fixed::ZERO);
			yuma3_bonds::<true>(
				w,
				b_old,
				p,
				|_, w, old, grows| {
					if grows {
						grown
					} else {
						table.alpha(old - w)
					}
				},
			)
		},
		(Some(table), false) => yuma3_bonds::<false>(w, b_old, p, |j, w, old, grows| {
			let d = if grows { w - consensus[j as usize] } else { old - w };
			table.alpha(d)
		}),
	};
	let mut incentive = rank;
	normalise(&mut incentive);
	let factors = dividend_factors(&sums, &incentive);
	let (bonds, dividends) =
		dividends_and_rows(&b, &factors, Some(p.sa), |_, v| v.to_u16_proportion());
	BondOutput { trust, incentive, dividends, bonds }
}

/// Per-column state of the Yuma 3 pass, kept together so a sparse row touches one cache line
/// per column instead of three.
#[derive(Clone, Copy)]
struct Column {
	consensus: Fixed,
	rank: Fixed,
	bond_sum: u64,
}

/// One pass of Yuma 3 over `W` and `B_old`: clipping (trust and rank) and the moving average,
/// with `alpha(j, W̃, B_old, grows)` giving `α` for a pair. Returns trust, rank, the new bonds
/// and their column sums. `FULL_PENALTY` says `β = 1`, where `W̃ = W̄`.
#[inline(always)]
fn yuma3_bonds<const FULL_PENALTY: bool>(
	w: &WeightRows<'_>,
	b_old: &BondRows<'_>,
	p: &BondParams<'_>,
	mut alpha: impl FnMut(u16, Fixed, Fixed, bool) -> Fixed,
) -> (Vec<Fixed>, Vec<Fixed>, PackedRows, Vec<u64>) {
	let n = w.rows();
	let mut trust = vec![Fixed::ZERO; n];
	let mut columns: Vec<Column> = p
		.consensus
		.iter()
		.map(|&consensus| Column { consensus, rank: Fixed::ZERO, bond_sum: 0 })
		.collect();
	let mut b = PackedRows::with_capacity(n, merged_capacity(w, b_old));
	for (i, row_trust) in trust.iter_mut().enumerate() {
		let s = p.sa[i];
		merge_rows::<true>(w, b_old, i, |j, weight, old| {
			let column = &mut columns[j as usize];
			let c = column.consensus;
			let clipped = clip(weight, c, s, row_trust, &mut column.rank);
			let target = if FULL_PENALTY { clipped } else { bond_weight(weight, c, p.beta) };
			let grows = target >= old;
			let a = alpha(j, target, old, grows);
			let value = if grows {
				(old + (target - old).mul_proportion(a)).min(Fixed::ONE)
			} else {
				old - (old - target).mul_proportion(a)
			};
			// At most one (`grows` caps it, else it is at most `old`). Zero bonds change no sum and
			// are not stored.
			if !value.is_zero() {
				b.push(j, value);
				column.bond_sum = column.bond_sum.saturating_add(value.to_bits());
			}
		});
		b.finish_row();
	}
	let rank = columns.iter().map(|c| c.rank).collect();
	let sums = columns.iter().map(|c| c.bond_sum).collect();
	(trust, rank, b, sums)
}
