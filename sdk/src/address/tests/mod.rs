//! Tests of the address module, one file per module tested, over the shared fixtures here: a
//! valid sample address for every country of the table, and strategies for property tests.

mod formats;
mod model;
mod postal;
mod regions;
mod validation;

use proptest::prelude::*;

use super::{Address, AddressField, CountryCode, countries};
use crate::error::{FieldError, Problem};

/// A realistic, valid address for every country of the table and for the generic form:
/// (country, first name, last name, line 1, city, region, postal code); "" means none.
#[rustfmt::skip]
const SAMPLES: &[(&str, &str, &str, &str, &str, &str, &str)] = &[
    ("AE", "Fatima", "Al Mansoori", "Sheikh Mohammed bin Rashid Blvd 1", "", "DU", ""),
    ("AR", "Lucía", "Fernández", "Av. Corrientes 1234", "Buenos Aires", "CABA", "C1043AAZ"),
    ("AT", "Lukas", "Gruber", "Stephansplatz 1", "Wien", "", "1010"),
    ("AU", "Olivia", "Smith", "1 Macquarie Street", "Sydney", "NSW", "2000"),
    ("BE", "Lotte", "Peeters", "Grote Markt 1", "Brussel", "", "1000"),
    ("BG", "Georgi", "Ivanov", "bul. Vitosha 1", "Sofia", "", "1000"),
    ("BH", "Ali", "Hassan", "Road 1701, Block 317", "Manama", "", "317"),
    ("BR", "João", "Silva", "Av. Paulista, 1578", "São Paulo", "SP", "01310-200"),
    ("CA", "Émilie", "Tremblay", "111 Wellington Street", "Ottawa", "ON", "K1A 0A9"),
    ("CH", "Anna", "Müller", "Bundesplatz 3", "Bern", "", "3005"),
    ("CL", "Sofía", "González", "Av. Libertador Bernardo O'Higgins 1449", "Santiago", "", "8340457"),
    ("CN", "Wei", "Wang", "1 Chang'an Avenue", "Dongcheng", "BJ", "100006"),
    ("CO", "Valentina", "Rodríguez", "Carrera 7 # 32-16", "Bogotá", "DC", "110311"),
    ("CY", "Andreas", "Georgiou", "Leoforos Makariou III 1", "Lefkosia", "", "1065"),
    ("CZ", "Jan", "Novák", "Václavské náměstí 1", "Praha 1", "", "110 00"),
    ("DE", "Max", "Mustermann", "Platz der Republik 1", "Berlin", "", "11011"),
    ("DK", "Mette", "Jensen", "Christiansborg Slotsplads 1", "København K", "", "1218"),
    ("EE", "Kati", "Tamm", "Vabaduse väljak 1", "Tallinn", "", "10141"),
    ("EG", "Ahmed", "Mohamed", "1 Tahrir Square", "Cairo", "Cairo", "11511"),
    ("ES", "Lucía", "García", "Calle de Alcalá 50", "Madrid", "M", "28014"),
    ("FI", "Aino", "Virtanen", "Mannerheimintie 1", "Helsinki", "", "00100"),
    ("FR", "Camille", "Martin", "55 Rue du Faubourg Saint-Honoré", "Paris", "", "75008"),
    ("GB", "Oliver", "Jones", "10 Downing Street", "London", "", "SW1A 2AA"),
    ("GR", "Maria", "Papadopoulou", "Vasilissis Sofias 1", "Athina", "", "106 71"),
    ("HK", "Tai Man", "Chan", "1 Harbour Road", "Wan Chai", "HK", ""),
    ("HR", "Ivana", "Horvat", "Trg bana Jelačića 1", "Zagreb", "", "10000"),
    ("HU", "Bence", "Nagy", "Kossuth Lajos tér 1", "Budapest", "", "1055"),
    ("ID", "Budi", "Santoso", "Jalan M.H. Thamrin 1", "Jakarta Pusat", "DKI Jakarta", "10310"),
    ("IE", "Seán", "Murphy", "1 Grand Canal Square", "Dublin 2", "Dublin", "D02 P820"),
    ("IL", "Noa", "Cohen", "Rothschild Blvd 1", "Tel Aviv-Yafo", "", "6688101"),
    ("IN", "Priya", "Sharma", "Rajpath", "New Delhi", "DL", "110001"),
    ("IS", "Guðrún", "Jónsdóttir", "Laugavegur 1", "Reykjavík", "", "101"),
    ("IT", "Giulia", "Rossi", "Piazza del Colosseo 1", "Roma", "RM", "00184"),
    ("JP", "Taro", "Yamada", "1-1 Chiyoda", "Chiyoda-ku", "13", "100-8111"),
    ("KE", "Wanjiru", "Kamau", "Kenyatta Avenue", "Nairobi", "", "00100"),
    ("KR", "Min-jun", "Kim", "Sejong-daero 110", "Jung-gu", "Seoul", "04524"),
    ("KW", "Fahad", "Al-Sabah", "Arabian Gulf Street", "Kuwait City", "", "13001"),
    ("LT", "Jonas", "Kazlauskas", "Gedimino pr. 1", "Vilnius", "", "01103"),
    ("LU", "Marie", "Schmit", "17 Rue du Marché-aux-Herbes", "Luxembourg", "", "1728"),
    ("LV", "Anna", "Bērziņa", "Brīvības iela 1", "Rīga", "", "LV-1010"),
    ("MT", "Maria", "Borg", "Republic Street", "Valletta", "", "VLT 1117"),
    ("MX", "José", "Hernández", "Av. Paseo de la Reforma 505", "Ciudad de México", "CMX", "06500"),
    ("MY", "Aisyah", "Abdullah", "Jalan Ampang", "Kuala Lumpur", "14", "50450"),
    ("NG", "Chinedu", "Okafor", "1 Marina Road", "Lagos", "Lagos", "101001"),
    ("NL", "Daan", "de Vries", "Dam 1", "Amsterdam", "", "1012 JS"),
    ("NO", "Ingrid", "Hansen", "Karl Johans gate 22", "Oslo", "", "0154"),
    ("NZ", "Aroha", "Williams", "1 Queen Street", "Auckland", "", "1010"),
    ("OM", "Said", "Al Busaidi", "Way 3019", "Muscat", "", "113"),
    ("PE", "Diego", "Quispe", "Av. Javier Prado Este 4200", "Lima", "LMA", "15023"),
    ("PH", "Maria", "Santos", "1 Roxas Boulevard", "Manila", "Metro Manila", "1000"),
    ("PL", "Anna", "Kowalska", "ul. Marszałkowska 1", "Warszawa", "", "00-624"),
    ("PR", "Carlos", "Rivera", "1 Calle Fortaleza", "San Juan", "", "00901"),
    ("PT", "Inês", "Santos", "Praça do Comércio", "Lisboa", "", "1100-148"),
    ("QA", "Mohammed", "Al Thani", "Al Corniche Street", "Doha", "", ""),
    ("RO", "Andrei", "Popescu", "Strada Lipscani 1", "București", "", "030031"),
    ("SA", "Abdullah", "Al-Qahtani", "King Fahd Road", "Riyadh", "", "11564"),
    ("SE", "Elsa", "Andersson", "Drottninggatan 1", "Stockholm", "", "111 51"),
    ("SG", "Wei Ling", "Tan", "10 Bayfront Avenue", "", "", "018956"),
    ("SI", "Luka", "Novak", "Prešernov trg 1", "Ljubljana", "", "1000"),
    ("SK", "Peter", "Horváth", "Hlavné námestie 1", "Bratislava", "", "811 01"),
    ("TH", "Somchai", "Srisuk", "1 Thanon Na Phra Lan", "Phra Nakhon", "Bangkok", "10200"),
    ("TR", "Elif", "Yılmaz", "İstiklal Caddesi No:1", "Beyoğlu", "İstanbul", "34433"),
    ("TW", "Chih-wei", "Lin", "No. 7, Sec. 5, Xinyi Rd.", "Xinyi District", "TPE", "110"),
    ("US", "Jane", "Doe", "1600 Amphitheatre Parkway", "Mountain View", "CA", "94043"),
    ("VN", "An", "Nguyễn", "1 Công xã Paris", "Quận 1", "Hồ Chí Minh", "70000"),
    ("ZA", "Thabo", "Nkosi", "1 Long Street", "Cape Town", "", "8001"),
    ("ZZ", "Alex", "Doe", "1 Main Street", "Somewhere", "", ""),
];

fn code(text: &str) -> CountryCode {
    CountryCode::parse(text).expect("a valid country code")
}

fn some(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_owned())
}

fn sample(country: &str) -> Address {
    let &(_, first, last, line1, city, region, postal) = SAMPLES
        .iter()
        .find(|s| s.0 == country)
        .unwrap_or_else(|| panic!("no sample address for {country}"));
    Address {
        first_name: first.to_owned(),
        last_name: last.to_owned(),
        company: None,
        line1: line1.to_owned(),
        line2: None,
        city: city.to_owned(),
        region: some(region),
        postal_code: some(postal),
        country: code(country),
        phone: None,
    }
}

fn set(address: &mut Address, field: AddressField, value: Option<&str>) {
    let owned = value.map(str::to_owned);
    let text = owned.clone().unwrap_or_default();
    match field {
        AddressField::FirstName => address.first_name = text,
        AddressField::LastName => address.last_name = text,
        AddressField::Company => address.company = owned,
        AddressField::Line1 => address.line1 = text,
        AddressField::Line2 => address.line2 = owned,
        AddressField::City => address.city = text,
        AddressField::Region => address.region = owned,
        AddressField::PostalCode => address.postal_code = owned,
        AddressField::Phone => address.phone = owned,
    }
}

fn only(field: AddressField, problem: Problem) -> Result<(), Vec<FieldError>> {
    Err(vec![FieldError::new(field.name(), problem)])
}

fn table_and_generic() -> impl Iterator<Item = CountryCode> {
    countries().chain([code("ZZ")])
}

fn any_country() -> impl Strategy<Value = CountryCode> {
    let listed: Vec<CountryCode> = table_and_generic().collect();
    prop_oneof![
        proptest::sample::select(listed),
        "[A-Za-z]{2}".prop_map(|c| code(&c)),
    ]
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ 0-9A-Za-z\\-]{0,12}",
        "\\PC{0,150}",
        Just(String::new()),
        Just(" ".repeat(3)),
    ]
}
