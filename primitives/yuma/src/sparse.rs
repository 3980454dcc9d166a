//! A compressed sparse row (CSR) matrix of [`Fixed`] values and the few operations the epoch
//! needs on it.
//!
//! Storage is three flat vectors: `offsets` (one per row, plus one), the column index of every
//! entry (`u16`, because uids are `u16`) and its value. There is no per-row allocation, and
//! every operation costs `O(nnz + rows + cols)` time and at most `O(nnz + cols)` extra memory:
//! no dense `rows × cols` matrix is ever formed. The operations (row and column normalisation,
//! column sums and maxima, column max-upscaling, transposition by counting sort) serve tools
//! and tests and do not rely on sorted rows.
//!
//! The epoch itself reads weights and previous bonds in place and keeps only its new bonds, as
//! [`PackedRows`]: nonzero proportions packed with their column into one `u64` (8 bytes an
//! entry instead of 10, and one vector to append to instead of two).

use alloc::{vec, vec::Vec};

use crate::fixed::{Divisor, Fixed};

/// A sparse matrix in compressed sparse row form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CsrMatrix {
	cols: usize,
	offsets: Vec<usize>,
	indices: Vec<u16>,
	values: Vec<Fixed>,
}

impl CsrMatrix {
	/// An empty matrix (no rows yet) with `cols` columns, with room for `rows` rows and `nnz`
	/// entries.
	pub fn with_capacity(cols: usize, rows: usize, nnz: usize) -> CsrMatrix {
		let mut offsets = Vec::with_capacity(rows + 1);
		offsets.push(0);
		CsrMatrix {
			cols,
			offsets,
			indices: Vec::with_capacity(nnz),
			values: Vec::with_capacity(nnz),
		}
	}

	/// Builds a matrix from sparse rows of `(column, value)`; entries are kept in the given order.
	///
	/// Panics if a column index is not below `cols` (this is for tests and tools; the epoch
	/// validates its inputs itself).
	pub fn from_rows(cols: usize, rows: &[Vec<(u16, Fixed)>]) -> CsrMatrix {
		let nnz = rows.iter().map(Vec::len).sum();
		let mut m = CsrMatrix::with_capacity(cols, rows.len(), nnz);
		for row in rows {
			for &(j, v) in row {
				assert!((j as usize) < cols, "column index out of range");
				m.push(j, v);
			}
			m.finish_row();
		}
		m
	}

	/// Appends an entry to the row under construction.
	#[inline]
	pub fn push(&mut self, col: u16, value: Fixed) {
		self.indices.push(col);
		self.values.push(value);
	}

	/// Closes the row under construction; the next [`push`](Self::push) starts a new row.
	#[inline]
	pub fn finish_row(&mut self) {
		self.offsets.push(self.indices.len());
	}

	/// Number of (finished) rows.
	pub fn rows(&self) -> usize {
		self.offsets.len() - 1
	}

	/// Number of columns.
	pub fn cols(&self) -> usize {
		self.cols
	}

	/// Number of stored entries.
	pub fn nnz(&self) -> usize {
		self.indices.len()
	}

	/// The column indices and values of row `i`.
	#[inline]
	pub fn row(&self, i: usize) -> (&[u16], &[Fixed]) {
		let (start, end) = (self.offsets[i], self.offsets[i + 1]);
		(&self.indices[start..end], &self.values[start..end])
	}

	/// The column indices and mutable values of row `i`.
	#[inline]
	pub fn row_mut(&mut self, i: usize) -> (&[u16], &mut [Fixed]) {
		let (start, end) = (self.offsets[i], self.offsets[i + 1]);
		(&self.indices[start..end], &mut self.values[start..end])
	}

	/// Iterates over the rows as `(row index, column indices, values)`.
	pub fn iter_rows(&self) -> impl Iterator<Item = (usize, &[u16], &[Fixed])> + '_ {
		self.offsets
			.windows(2)
			.enumerate()
			.map(move |(i, w)| (i, &self.indices[w[0]..w[1]], &self.values[w[0]..w[1]]))
	}

	/// Applies `f(row, column, value)` to every entry, replacing its value.
	pub fn map_values(&mut self, mut f: impl FnMut(usize, u16, Fixed) -> Fixed) {
		for i in 0..self.rows() {
			let (start, end) = (self.offsets[i], self.offsets[i + 1]);
			for (j, v) in self.indices[start..end].iter().zip(&mut self.values[start..end]) {
				*v = f(i, *j, *v);
			}
		}
	}

	/// Normalises every row to sum to one (rows summing to zero are left unchanged).
	pub fn normalise_rows(&mut self) {
		for i in 0..self.rows() {
			let (_, values) = self.row_mut(i);
			crate::fixed::normalise(values);
		}
	}

	/// The sum of every column, saturating at `u64::MAX` raw bits.
	pub fn column_sums(&self) -> Vec<u64> {
		let mut sums = vec![0u64; self.cols];
		for (j, v) in self.indices.iter().zip(&self.values) {
			let s = &mut sums[*j as usize];
			*s = s.saturating_add(v.to_bits());
		}
		sums
	}

	/// The largest value of every column (zero for an empty column).
	pub fn column_max(&self) -> Vec<Fixed> {
		let mut max = vec![Fixed::ZERO; self.cols];
		for (j, v) in self.indices.iter().zip(&self.values) {
			let m = &mut max[*j as usize];
			if *v > *m {
				*m = *v;
			}
		}
		max
	}

	/// Divides every entry by `divisors[column]`.
	pub fn divide_columns(&mut self, divisors: &[Divisor]) {
		for (j, v) in self.indices.iter().zip(self.values.iter_mut()) {
			*v = divisors[*j as usize].divide_fixed(*v);
		}
	}

	/// Normalises every column to sum to one (columns summing to zero are left unchanged).
	pub fn normalise_columns(&mut self) {
		let divisors = divisors(&self.column_sums());
		self.divide_columns(&divisors);
	}

	/// Scales every column so that its largest entry becomes one.
	pub fn column_max_upscale(&mut self) {
		let max: Vec<u64> = self.column_max().into_iter().map(Fixed::to_bits).collect();
		self.divide_columns(&divisors(&max));
	}

	/// The transpose, by a counting sort on the column index: `O(nnz + rows + cols)`.
	///
	/// Within each row of the result (a column of `self`), entries appear in increasing order
	/// of their original row. Panics if `self` has more than 65536 rows (row indices become
	/// `u16` column indices).
	pub fn transpose(&self) -> CsrMatrix {
		assert!(self.rows() <= 1 << 16, "too many rows to transpose");
		let (offsets, items) = self.group_by_column(|_| true, |i, _, v| (i as u16, v));
		let (indices, values) = items.into_iter().unzip();
		CsrMatrix { cols: self.rows(), offsets, indices, values }
	}

	/// Gathers the entries of the rows accepted by `keep_row` by column, mapping each entry
	/// through `map(row, column, value)`: a counting sort in `O(nnz + rows + cols)`.
	///
	/// Returns `(offsets, items)`: the items of column `j` are `items[offsets[j]..offsets[j + 1]]`,
	/// in increasing row order.
	pub fn group_by_column<T: Copy + Default>(
		&self,
		keep_row: impl Fn(usize) -> bool,
		map: impl Fn(usize, u16, Fixed) -> T,
	) -> (Vec<usize>, Vec<T>) {
		let mut offsets = vec![0usize; self.cols + 1];
		for (i, cols, _) in self.iter_rows() {
			if keep_row(i) {
				for &j in cols {
					offsets[j as usize + 1] += 1;
				}
			}
		}
		for j in 0..self.cols {
			offsets[j + 1] += offsets[j];
		}
		let mut next = offsets.clone();
		let mut items = vec![T::default(); offsets[self.cols]];
		for (i, cols, values) in self.iter_rows() {
			if keep_row(i) {
				for (&j, &v) in cols.iter().zip(values) {
					let slot = &mut next[j as usize];
					items[*slot] = map(i, j, v);
					*slot += 1;
				}
			}
		}
		(offsets, items)
	}

	/// Converts every row to the protocol's u16 encoding (`floor(x · 65535)`), dropping entries
	/// that encode to zero and rows for which `keep_row` is false (they become empty).
	pub fn to_u16_rows(&self, keep_row: impl Fn(usize) -> bool) -> Vec<Vec<(u16, u16)>> {
		self.iter_rows()
			.map(|(i, cols, values)| {
				if !keep_row(i) {
					return Vec::new();
				}
				let mut row = Vec::with_capacity(cols.len());
				for (&j, v) in cols.iter().zip(values) {
					let v = v.to_u16_proportion();
					if v != 0 {
						row.push((j, v));
					}
				}
				row
			})
			.collect()
	}
}

/// The bits of a packed entry that hold its value minus one.
const VALUE_MASK: u64 = (1 << 48) - 1;

/// Sparse rows of proportions in `(0, 1]`, each entry packed into one `u64`: the column in the
/// top 16 bits, the value's raw bits minus one in the low 48 (a [`Fixed`] of at most one has
/// `2^48 + 1` possible values, the nonzero ones fit 48 bits that way). Zero entries are not
/// stored. Rows are appended in order, like [`CsrMatrix`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct PackedRows {
	/// The end of every finished row in `entries`.
	ends: Vec<usize>,
	entries: Vec<u64>,
}

impl PackedRows {
	/// No rows yet, with room for `rows` rows and `nnz` entries.
	pub fn with_capacity(rows: usize, nnz: usize) -> PackedRows {
		PackedRows { ends: Vec::with_capacity(rows), entries: Vec::with_capacity(nnz) }
	}

	/// Appends `value` in column `col` to the row under construction. `value` must be in
	/// `(0, 1]`; a value outside it would be stored wrong but never in another column.
	#[inline(always)]
	pub fn push(&mut self, col: u16, value: Fixed) {
		debug_assert!(!value.is_zero() && value <= Fixed::ONE);
		self.entries.push(Self::pack(col, value));
	}

	/// The packed entry of `value` in column `col` (meaningless for a zero value).
	#[inline(always)]
	pub fn pack(col: u16, value: Fixed) -> u64 {
		(u64::from(col) << 48) | (value.to_bits().wrapping_sub(1) & VALUE_MASK)
	}

	/// Appends packed entries to the row under construction.
	#[inline]
	pub fn extend(&mut self, entries: &[u64]) {
		self.entries.extend_from_slice(entries);
	}

	/// Closes the row under construction; the next [`push`](Self::push) starts a new row.
	#[inline]
	pub fn finish_row(&mut self) {
		self.ends.push(self.entries.len());
	}

	/// Number of (finished) rows.
	pub fn rows(&self) -> usize {
		self.ends.len()
	}

	/// Iterates over the rows as `(row index, packed entries)`; [`unpack`] reads an entry.
	pub fn iter_rows(&self) -> impl Iterator<Item = (usize, &[u64])> + '_ {
		let starts = core::iter::once(0).chain(self.ends.iter().copied());
		starts.zip(&self.ends).enumerate().map(|(i, (start, &end))| (i, &self.entries[start..end]))
	}
}

/// The column and value of an entry of [`PackedRows`].
#[inline(always)]
pub(crate) fn unpack(entry: u64) -> (u16, Fixed) {
	((entry >> 48) as u16, Fixed::from_bits((entry & VALUE_MASK) + 1))
}

/// One [`Divisor`] per entry of `sums`.
pub fn divisors(sums: &[u64]) -> Vec<Divisor> {
	sums.iter().map(|&s| Divisor::new(s)).collect()
}
