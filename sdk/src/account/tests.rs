use super::*;

#[test]
fn the_password_rule_counts_characters_and_bytes() {
    assert!(check_password("12345678").is_ok());
    assert!(check_password("1234567").is_err());
    // Eight characters of two bytes each: long enough.
    assert!(check_password("éééééééé").is_ok());
    // 73 bytes: too long for bcrypt-based backends.
    assert!(check_password(&"a".repeat(73)).is_err());
    assert!(check_password(&"a".repeat(72)).is_ok());
    assert_eq!(
        check_password("         "),
        Err(Error::WeakPassword {
            rule: PASSWORD_RULE
        })
    );
}

#[test]
fn a_registration_names_each_refused_field() {
    let registration = Registration {
        email: "not-an-email".into(),
        password: "long enough".into(),
        first_name: "x".repeat(101),
        last_name: String::new(),
    };
    let Err(Error::InvalidInput { fields }) = check_registration(&registration) else {
        panic!("refused");
    };
    let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(names, ["email", "first_name"]);
}

#[test]
fn a_registration_never_prints_its_password() {
    let registration = Registration {
        email: "ada@example.com".into(),
        password: "hunter2hunter2".into(),
        first_name: "Ada".into(),
        last_name: "Lovelace".into(),
    };
    assert!(!format!("{registration:?}").contains("hunter2"));
}

#[test]
fn emails_compare_trimmed_and_lower_case() {
    assert_eq!(normalize_email("  Ada@Example.COM "), "ada@example.com");
}
