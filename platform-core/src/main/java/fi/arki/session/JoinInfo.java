package fi.arki.session;

import fi.arki.directory.UnitId;
import fi.arki.shared.OrganisationName;
import java.util.List;
import java.util.Map;

/** What a join page needs to know before anyone joins. {@code unitNames} only when there is a choice. */
public record JoinInfo(boolean guestsAllowed, OrganisationName organisation, List<UnitId> units, Map<UnitId, String> unitNames) {

    public JoinInfo {
        units = List.copyOf(units);
        unitNames = Map.copyOf(unitNames);
    }
}
