use std::process::ExitCode;

/// A run makes and frees millions of small strings and vectors, a few per
/// word read; mimalloc serves them faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    crosscheck::main_with_args(std::env::args_os())
}
