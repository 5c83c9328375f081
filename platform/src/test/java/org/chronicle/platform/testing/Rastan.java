package org.chronicle.platform.testing;

/** Request bodies from the Rastan story, as clients send them. */
public final class Rastan {

    public static final String CHRONICLE = """
            {"name": "Battle of Rastan (January-February 2012)",
             "place": {"name": "Rastan, Homs Governorate, Syria", "latitude": 34.91525, "longitude": 36.735485},
             "period": {"start": "2012-01-29", "end": "2012-05-31"},
             "sides": [{"id": "fsa", "name": "Free Syrian Army"}, {"id": "government", "name": "Syrian Arab Republic"}],
             "areas": [{"id": "rastan", "name": "Rastan"},
                       {"id": "rastan-west", "name": "Western neighbourhoods", "parent": "rastan"},
                       {"id": "rastan-suburbs", "name": "Suburbs"}],
             "initialControl": [{"area": "rastan", "side": "government"}, {"area": "rastan-suburbs", "side": "government"}]}
            """;

    private Rastan() {
    }

    /** A CASUALTIES report of {@code killed} civilians on {@code date}, with an FSA toll of unknown upper bound. */
    public static String casualties(String reportId, String date, int killed) {
        return """
                {"reportId": "%s", "type": "CASUALTIES", "date": "%s", "area": "rastan",
                 "summary": "Civilians killed by tank fire",
                 "sources": [{"name": "Syrian forces kill 10 in rebel town", "publisher": "AFP",
                              "publishedOn": "%s", "url": null}],
                 "casualties": [{"party": "civilians", "killed": %d, "wounded": 15},
                                {"party": "fsa", "killed": {"low": 2, "best": 3, "high": null}}]}
                """.formatted(reportId, date, date, killed);
    }
}
