//! The command line as a shell uses it.

use std::process::Command;

/// A report read by a reader that has already gone (`dhow-recommend generate … | head -0`): the
/// run does its work and ends without a panic.
#[test]
fn a_closed_standard_output_loses_only_the_report() {
    let out = std::env::temp_dir().join(format!(
        "dhow-recommend-closed-{}.jsonl",
        std::process::id()
    ));
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let run = Command::new(env!("CARGO_BIN_EXE_dhow-recommend"))
        .args([
            "generate",
            "--products-from",
            "synthetic:40",
            "--orders",
            "200",
            "--seed",
            "7",
        ])
        .args(["--bundles", "1", "--out"])
        .arg(&out)
        .stdout(writer)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{:?} {stderr}", run.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(written.lines().count(), 200);
    std::fs::remove_file(&out).unwrap();
}
