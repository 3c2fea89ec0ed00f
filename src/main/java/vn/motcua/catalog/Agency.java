package vn.motcua.catalog;

import java.util.Optional;

/** An agency of the registry, with what its slips print: its symbol in slip numbers and its help line, when known. */
public record Agency(String code, String name, String unit, String symbol, String phone) {

    public Optional<String> knownSymbol() {
        return Optional.ofNullable(symbol).filter(s -> !s.isBlank());
    }

    public Optional<String> knownPhone() {
        return Optional.ofNullable(phone).filter(p -> !p.isBlank());
    }
}
