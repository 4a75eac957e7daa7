//! The country table: each country's address form, written from Google's libaddressinput data,
//! CLDR and ISO 3166-2 (see the module documentation of `address` for the departures).

use super::AddressField::{
    City, Company, FirstName, LastName, Line1, Line2, Phone, PostalCode, Region,
};
use super::regions;
use super::{AddressField, AddressFormat, CityLabel, CountryCode, PostalLabel, RegionLabel};

type Row = &'static [AddressField];

// Rows, named after the fields they hold.
const NAME: Row = &[FirstName, LastName];
const NAME_FAMILY_FIRST: Row = &[LastName, FirstName];
const COMPANY: Row = &[Company];
const LINE1: Row = &[Line1];
const LINE2: Row = &[Line2];
const CITY: Row = &[City];
const REGION: Row = &[Region];
const POSTAL: Row = &[PostalCode];
const PHONE: Row = &[Phone];
const POSTAL_CITY: Row = &[PostalCode, City];
const CITY_POSTAL: Row = &[City, PostalCode];
const CITY_REGION: Row = &[City, Region];
const REGION_CITY: Row = &[Region, City];
const REGION_POSTAL: Row = &[Region, PostalCode];
const POSTAL_REGION: Row = &[PostalCode, Region];
const CITY_REGION_POSTAL: Row = &[City, Region, PostalCode];
const POSTAL_CITY_REGION: Row = &[PostalCode, City, Region];

// Whole forms shared by several countries.
const ROWS_POSTAL_CITY: &[Row] = &[NAME, COMPANY, LINE1, LINE2, POSTAL_CITY, PHONE];
const ROWS_CITY_POSTAL: &[Row] = &[NAME, COMPANY, LINE1, LINE2, CITY_POSTAL, PHONE];
const ROWS_CITY_REGION_POSTAL: &[Row] = &[NAME, COMPANY, LINE1, LINE2, CITY_REGION_POSTAL, PHONE];
const ROWS_POSTAL_CITY_REGION: &[Row] = &[NAME, COMPANY, LINE1, LINE2, POSTAL_CITY_REGION, PHONE];
const ROWS_CITY_THEN_POSTAL: &[Row] = &[NAME, COMPANY, LINE1, LINE2, CITY, POSTAL, PHONE];
const ROWS_POSTAL_CITY_THEN_REGION: &[Row] =
    &[NAME, COMPANY, LINE1, LINE2, POSTAL_CITY, REGION, PHONE];
const ROWS_CITY_POSTAL_THEN_REGION: &[Row] =
    &[NAME, COMPANY, LINE1, LINE2, CITY_POSTAL, REGION, PHONE];
const ROWS_CITY_THEN_REGION_POSTAL: &[Row] =
    &[NAME, COMPANY, LINE1, LINE2, CITY, REGION_POSTAL, PHONE];
const ROWS_CITY_REGION_THEN_POSTAL: &[Row] =
    &[NAME, COMPANY, LINE1, LINE2, CITY_REGION, POSTAL, PHONE];
const ROWS_CITY_THEN_REGION_THEN_POSTAL: &[Row] =
    &[NAME, COMPANY, LINE1, LINE2, CITY, REGION, POSTAL, PHONE];
/// China, Japan, Taiwan: postal code, then region and city, then the lines.
const ROWS_EAST_ASIA: &[Row] = &[
    NAME_FAMILY_FIRST,
    COMPANY,
    POSTAL,
    REGION_CITY,
    LINE1,
    LINE2,
    PHONE,
];

// Required fields, named after libaddressinput's `require` letters (A lines, C city, S region,
// Z postal code); the last name is always required.
const REQ_AC: Row = &[LastName, Line1, City];
const REQ_ACZ: Row = &[LastName, Line1, City, PostalCode];
const REQ_ACS: Row = &[LastName, Line1, City, Region];
const REQ_ACSZ: Row = &[LastName, Line1, City, Region, PostalCode];
const REQ_AS: Row = &[LastName, Line1, Region];
const REQ_AZ: Row = &[LastName, Line1, PostalCode];

// Postal code masks shared by several countries.
const DIGITS3: &[&str] = &["999"];
const DIGITS4: &[&str] = &["9999"];
const DIGITS5: &[&str] = &["99999"];
const DIGITS6: &[&str] = &["999999"];
const DIGITS3_2: &[&str] = &["999 99"];
const ZIP: &[&str] = &["99999", "99999-9999"];

/// A country code in a `const` context; the table's test checks every code is two capitals.
const fn cc(code: &[u8; 2]) -> CountryCode {
    CountryCode(*code)
}

/// The generic form, also the base every table entry starts from (libaddressinput's defaults,
/// with a postal code shown but not checked).
const GENERIC: AddressFormat = AddressFormat {
    country: cc(b"ZZ"),
    rows: &[NAME, COMPANY, LINE1, LINE2, CITY_POSTAL, REGION, PHONE],
    required: REQ_AC,
    postal_label: PostalLabel::PostalCode,
    region_label: RegionLabel::Province,
    city_label: CityLabel::City,
    postal_patterns: &[],
    postal_example: None,
    regions: &[],
    uppercase: &[City],
};

/// The generic form for a country the table does not list.
pub(super) fn generic(country: CountryCode) -> AddressFormat {
    AddressFormat { country, ..GENERIC }
}

/// Every country with a form of its own, in alphabetical order of its code.
pub(super) static FORMATS: &[AddressFormat] = &[
    AddressFormat {
        country: cc(b"AE"),
        rows: &[NAME, COMPANY, LINE1, LINE2, REGION, PHONE],
        required: REQ_AS,
        region_label: RegionLabel::Emirate,
        regions: regions::AE,
        uppercase: &[],
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"AR"),
        rows: ROWS_POSTAL_CITY_THEN_REGION,
        postal_patterns: &["A9999AAA", "9999"],
        postal_example: Some("C1070AAM"),
        uppercase: &[Line1, Line2, City, PostalCode],
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"AT"),
        rows: ROWS_POSTAL_CITY,
        required: REQ_ACZ,
        postal_patterns: DIGITS4,
        postal_example: Some("1010"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"AU"),
        rows: ROWS_CITY_REGION_POSTAL,
        required: REQ_ACSZ,
        postal_label: PostalLabel::Postcode,
        region_label: RegionLabel::State,
        city_label: CityLabel::Suburb,
        postal_patterns: DIGITS4,
        postal_example: Some("2060"),
        regions: regions::AU,
        uppercase: &[City, Region],
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"BE"),
        rows: ROWS_POSTAL_CITY,
        required: REQ_ACZ,
        postal_patterns: DIGITS4,
        postal_example: Some("4000"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"BG"),
        rows: ROWS_POSTAL_CITY,
        postal_patterns: DIGITS4,
        postal_example: Some("1000"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"BH"),
        rows: ROWS_CITY_POSTAL,
        postal_patterns: &["999", "9999"],
        postal_example: Some("317"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"BR"),
        rows: ROWS_CITY_REGION_THEN_POSTAL,
        required: REQ_ACSZ,
        region_label: RegionLabel::State,
        postal_patterns: &["99999-999"],
        postal_example: Some("40301-110"),
        regions: regions::BR,
        uppercase: &[City, Region],
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"CA"),
        rows: ROWS_CITY_REGION_POSTAL,
        required: REQ_ACSZ,
        postal_patterns: &["A9A 9A9"],
        postal_example: Some("H3Z 2Y7"),
        regions: regions::CA,
        uppercase: &[
            FirstName, LastName, Company, Line1, Line2, City, Region, PostalCode,
        ],
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"CH"),
        rows: ROWS_POSTAL_CITY,
        required: REQ_ACZ,
        postal_patterns: DIGITS4,
        postal_example: Some("2544"),
        uppercase: &[],
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"CL"),
        rows: ROWS_POSTAL_CITY_THEN_REGION,
        region_label: RegionLabel::Region,
        postal_patterns: &["9999999"],
        postal_example: Some("8340457"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"CN"),
        rows: ROWS_EAST_ASIA,
        required: REQ_ACSZ,
        postal_patterns: DIGITS6,
        postal_example: Some("266033"),
        regions: regions::CN,
        uppercase: &[Region],
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"CO"),
        rows: ROWS_CITY_REGION_POSTAL,
        required: REQ_ACS,
        region_label: RegionLabel::Department,
        postal_patterns: DIGITS6,
        postal_example: Some("111221"),
        regions: regions::CO,
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"CY"),
        rows: ROWS_POSTAL_CITY,
        postal_patterns: DIGITS4,
        postal_example: Some("2008"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"CZ"),
        rows: ROWS_POSTAL_CITY,
        required: REQ_ACZ,
        postal_patterns: DIGITS3_2,
        postal_example: Some("100 00"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"DE"),
        rows: ROWS_POSTAL_CITY,
        required: REQ_ACZ,
        postal_patterns: DIGITS5,
        postal_example: Some("26133"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"DK"),
        rows: ROWS_POSTAL_CITY,
        required: REQ_ACZ,
        postal_patterns: DIGITS4,
        postal_example: Some("8660"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"EE"),
        rows: ROWS_POSTAL_CITY,
        required: REQ_ACZ,
        postal_patterns: DIGITS5,
        postal_example: Some("69501"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"EG"),
        rows: ROWS_CITY_THEN_REGION_THEN_POSTAL,
        region_label: RegionLabel::Governorate,
        postal_patterns: DIGITS5,
        postal_example: Some("12411"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"ES"),
        rows: ROWS_POSTAL_CITY_REGION,
        required: REQ_ACSZ,
        postal_patterns: DIGITS5,
        postal_example: Some("28039"),
        regions: regions::ES,
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"FI"),
        rows: ROWS_POSTAL_CITY,
        required: REQ_ACZ,
        postal_patterns: DIGITS5,
        postal_example: Some("00550"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"FR"),
        rows: ROWS_POSTAL_CITY,
        required: REQ_ACZ,
        postal_patterns: &["99999", "99 999"],
        postal_example: Some("33380"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"GB"),
        rows: ROWS_CITY_THEN_POSTAL,
        required: REQ_ACZ,
        postal_label: PostalLabel::Postcode,
        city_label: CityLabel::PostTown,
        // Outward code (area, district, optional sub-district) + inward code, the Girobank
        // code and British Forces Post Office numbers.
        postal_patterns: &[
            "A9 9AA",
            "A99 9AA",
            "AA9 9AA",
            "AA99 9AA",
            "A9A 9AA",
            "AA9A 9AA",
            "GIR 0\\A\\A",
            "BFPO 9",
            "BFPO 99",
            "BFPO 999",
            "BFPO 9999",
        ],
        postal_example: Some("SW1A 1AA"),
        uppercase: &[City, PostalCode],
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"GR"),
        rows: ROWS_POSTAL_CITY,
        required: REQ_ACZ,
        postal_patterns: DIGITS3_2,
        postal_example: Some("151 24"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"HK"),
        rows: &[
            NAME_FAMILY_FIRST,
            COMPANY,
            REGION,
            CITY,
            LINE1,
            LINE2,
            PHONE,
        ],
        required: REQ_AS,
        region_label: RegionLabel::Area,
        city_label: CityLabel::District,
        regions: regions::HK,
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"HR"),
        rows: ROWS_POSTAL_CITY,
        required: REQ_ACZ,
        postal_patterns: DIGITS5,
        postal_example: Some("10000"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"HU"),
        rows: &[
            NAME_FAMILY_FIRST,
            COMPANY,
            CITY,
            LINE1,
            LINE2,
            POSTAL,
            PHONE,
        ],
        required: REQ_ACZ,
        postal_patterns: DIGITS4,
        postal_example: Some("1037"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"ID"),
        rows: ROWS_CITY_THEN_REGION_POSTAL,
        postal_patterns: DIGITS5,
        postal_example: Some("40115"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"IE"),
        rows: ROWS_CITY_THEN_REGION_THEN_POSTAL,
        postal_label: PostalLabel::Eircode,
        region_label: RegionLabel::County,
        // Routing key (a letter and two digits, or D6W) + unique identifier.
        postal_patterns: &["A99 ????", "D6W ????"],
        postal_example: Some("A65 F4E2"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"IL"),
        rows: ROWS_CITY_POSTAL,
        postal_patterns: &["9999999", "99999"],
        postal_example: Some("9614303"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"IN"),
        rows: ROWS_CITY_POSTAL_THEN_REGION,
        required: REQ_ACSZ,
        postal_label: PostalLabel::Pin,
        region_label: RegionLabel::State,
        postal_patterns: &["999999", "999 999"],
        postal_example: Some("110034"),
        regions: regions::IN,
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"IS"),
        rows: ROWS_POSTAL_CITY,
        postal_patterns: DIGITS3,
        postal_example: Some("320"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"IT"),
        rows: ROWS_POSTAL_CITY_REGION,
        required: REQ_ACSZ,
        postal_patterns: DIGITS5,
        postal_example: Some("00144"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"JP"),
        rows: ROWS_EAST_ASIA,
        required: REQ_ACSZ,
        region_label: RegionLabel::Prefecture,
        postal_patterns: &["999-9999"],
        postal_example: Some("154-0023"),
        regions: regions::JP,
        uppercase: &[Region],
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"KE"),
        rows: ROWS_CITY_THEN_POSTAL,
        postal_patterns: DIGITS5,
        postal_example: Some("20100"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"KR"),
        rows: &[
            NAME_FAMILY_FIRST,
            COMPANY,
            REGION_CITY,
            LINE1,
            LINE2,
            POSTAL,
            PHONE,
        ],
        required: REQ_ACSZ,
        region_label: RegionLabel::DoSi,
        postal_patterns: DIGITS5,
        postal_example: Some("03051"),
        uppercase: &[Region],
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"KW"),
        rows: ROWS_POSTAL_CITY,
        postal_patterns: DIGITS5,
        postal_example: Some("54541"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"LT"),
        rows: ROWS_POSTAL_CITY,
        required: REQ_ACZ,
        postal_patterns: DIGITS5,
        postal_example: Some("04340"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"LU"),
        rows: ROWS_POSTAL_CITY,
        required: REQ_ACZ,
        postal_patterns: DIGITS4,
        postal_example: Some("4750"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"LV"),
        rows: ROWS_CITY_POSTAL,
        required: REQ_ACZ,
        postal_patterns: &["LV-9999", "9999"],
        postal_example: Some("LV-1073"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"MT"),
        rows: ROWS_POSTAL_CITY,
        postal_patterns: &["AAA 99", "AAA 999", "AAA 9999"],
        postal_example: Some("NXR 01"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"MX"),
        rows: ROWS_POSTAL_CITY_REGION,
        required: REQ_ACSZ,
        region_label: RegionLabel::State,
        postal_patterns: DIGITS5,
        postal_example: Some("02860"),
        regions: regions::MX,
        uppercase: &[City, Region, PostalCode],
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"MY"),
        rows: ROWS_POSTAL_CITY_THEN_REGION,
        required: REQ_ACSZ,
        region_label: RegionLabel::State,
        postal_patterns: DIGITS5,
        postal_example: Some("43000"),
        regions: regions::MY,
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"NG"),
        rows: ROWS_CITY_POSTAL_THEN_REGION,
        region_label: RegionLabel::State,
        postal_patterns: DIGITS6,
        postal_example: Some("930283"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"NL"),
        rows: ROWS_POSTAL_CITY,
        required: REQ_ACZ,
        postal_patterns: &["9999 AA"],
        postal_example: Some("1234 AB"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"NO"),
        rows: ROWS_POSTAL_CITY,
        required: REQ_ACZ,
        postal_patterns: DIGITS4,
        postal_example: Some("0025"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"NZ"),
        rows: ROWS_CITY_POSTAL,
        required: REQ_ACZ,
        postal_label: PostalLabel::Postcode,
        postal_patterns: DIGITS4,
        postal_example: Some("6001"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"OM"),
        rows: &[NAME, COMPANY, LINE1, LINE2, POSTAL, CITY, PHONE],
        postal_patterns: &["999", "PC 999"],
        postal_example: Some("133"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"PE"),
        rows: ROWS_CITY_REGION_THEN_POSTAL,
        required: REQ_ACS,
        region_label: RegionLabel::Region,
        postal_patterns: DIGITS5,
        postal_example: Some("15001"),
        regions: regions::PE,
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"PH"),
        rows: &[NAME, COMPANY, LINE1, LINE2, CITY, POSTAL_REGION, PHONE],
        required: REQ_ACSZ,
        postal_patterns: DIGITS4,
        postal_example: Some("1008"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"PL"),
        rows: ROWS_POSTAL_CITY,
        required: REQ_ACZ,
        postal_patterns: &["99-999"],
        postal_example: Some("00-950"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"PR"),
        rows: ROWS_CITY_POSTAL,
        required: REQ_ACZ,
        postal_label: PostalLabel::ZipCode,
        postal_patterns: ZIP,
        postal_example: Some("00930"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"PT"),
        rows: ROWS_POSTAL_CITY,
        required: REQ_ACZ,
        postal_patterns: &["9999-999"],
        postal_example: Some("2725-079"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"QA"),
        rows: &[NAME, COMPANY, LINE1, LINE2, CITY, PHONE],
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"RO"),
        rows: ROWS_POSTAL_CITY,
        required: REQ_ACZ,
        postal_patterns: DIGITS6,
        postal_example: Some("060274"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"SA"),
        rows: ROWS_CITY_POSTAL,
        required: REQ_ACZ,
        postal_patterns: &["99999", "99999-9999"],
        postal_example: Some("11564"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"SE"),
        rows: ROWS_POSTAL_CITY,
        required: REQ_ACZ,
        postal_patterns: DIGITS3_2,
        postal_example: Some("114 55"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"SG"),
        rows: &[NAME, COMPANY, LINE1, LINE2, POSTAL, PHONE],
        required: REQ_AZ,
        postal_patterns: DIGITS6,
        postal_example: Some("546080"),
        uppercase: &[],
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"SI"),
        rows: ROWS_POSTAL_CITY,
        postal_patterns: DIGITS4,
        postal_example: Some("4000"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"SK"),
        rows: ROWS_POSTAL_CITY,
        required: REQ_ACZ,
        postal_patterns: DIGITS3_2,
        postal_example: Some("010 01"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"TH"),
        rows: ROWS_CITY_THEN_REGION_POSTAL,
        required: REQ_ACSZ,
        postal_patterns: DIGITS5,
        postal_example: Some("10150"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"TR"),
        rows: ROWS_POSTAL_CITY_REGION,
        required: REQ_ACZ,
        city_label: CityLabel::District,
        postal_patterns: DIGITS5,
        postal_example: Some("01960"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"TW"),
        rows: ROWS_EAST_ASIA,
        required: REQ_ACSZ,
        region_label: RegionLabel::County,
        city_label: CityLabel::District,
        // Three-digit area codes, and the longer 3+2 and 3+3 forms.
        postal_patterns: &["999", "99999", "999999"],
        postal_example: Some("106"),
        regions: regions::TW,
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"US"),
        rows: ROWS_CITY_REGION_POSTAL,
        required: REQ_ACSZ,
        postal_label: PostalLabel::ZipCode,
        region_label: RegionLabel::State,
        postal_patterns: ZIP,
        postal_example: Some("95014"),
        regions: regions::US,
        uppercase: &[City, Region],
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"VN"),
        rows: &[
            NAME_FAMILY_FIRST,
            COMPANY,
            LINE1,
            LINE2,
            CITY,
            REGION_POSTAL,
            PHONE,
        ],
        postal_patterns: &["99999", "999999"],
        postal_example: Some("70010"),
        ..GENERIC
    },
    AddressFormat {
        country: cc(b"ZA"),
        rows: ROWS_CITY_THEN_POSTAL,
        required: REQ_ACZ,
        postal_patterns: DIGITS4,
        postal_example: Some("0083"),
        ..GENERIC
    },
];
