//! Decoding tests of the Vendure adapter on saved responses.
