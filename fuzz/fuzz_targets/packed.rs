//! Fuzzes the packed-story reader, the only story reader in the reader's
//! bundle: any bytes give a bundle or a `PackError`, never a panic or an
//! allocation the bytes do not justify.

#![no_main]

use kuril_core::data::Bundle;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = Bundle::from_packed(data);
});
