//! Builds the runtime to Wasm (target `wasm32v1-none`) with substrate-wasm-builder and
//! exposes it to the node as `myelin_runtime::WASM_BINARY`.

#[cfg(feature = "std")]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// Nothing to do when this crate itself is being compiled to Wasm.
#[cfg(not(feature = "std"))]
fn main() {}
