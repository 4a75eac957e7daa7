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

#[test]
fn a_profile_is_checked_the_same_on_every_backend() {
    let profile = Profile {
        first_name: "x".repeat(101),
        last_name: "King".into(),
        phone: Some("call me".into()),
    };
    let Err(Error::InvalidInput { fields }) = check_profile(&profile) else {
        panic!("refused");
    };
    let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(names, ["first_name", "phone"]);
    assert!(
        check_profile(&Profile {
            first_name: "Augusta".into(),
            last_name: "King".into(),
            phone: Some("+44 20 7946 0000".into()),
        })
        .is_ok()
    );
}

#[test]
fn a_profile_needs_a_name() {
    let Err(Error::InvalidInput { fields }) = check_profile(&Profile {
        first_name: " ".into(),
        last_name: String::new(),
        phone: None,
    }) else {
        panic!("refused");
    };
    assert_eq!(fields, [FieldError::new("last_name", Problem::Required)]);
    // A phone is read without the spaces around it.
    let padded = Profile {
        first_name: "Ada".into(),
        last_name: String::new(),
        phone: Some(" +1 555 0100 ".into()),
    };
    assert!(check_profile(&padded).is_ok());
    // Either name alone is enough: some shoppers have one.
    for (first, last) in [("Ada", ""), ("", "Lovelace")] {
        let profile = Profile {
            first_name: first.into(),
            last_name: last.into(),
            phone: None,
        };
        assert!(check_profile(&profile).is_ok());
    }
}
