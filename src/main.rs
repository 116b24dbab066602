use std::process::ExitCode;

fn main() -> ExitCode {
    crosscheck::main_with_args(std::env::args_os())
}
