import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/**
 * Writes a UCDP GED file of generated events for import benchmarks: ROWS events over 1,000 days,
 * 200 second-level areas in 20 first-level ones, four parties (two sides, civilians, unknown).
 *
 *   java bench/GenerateGed.java ROWS FILE
 */
public class GenerateGed {

    private static final String HEADER = "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,"
            + "conflict_new_id,conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,"
            + "side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office,source_date,"
            + "source_headline,source_original,where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,"
            + "longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,date_end,"
            + "deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low,gwnoa,gwnob";

    public static void main(String[] args) throws IOException {
        long rows = Long.parseLong(args[0]);
        Random random = new Random(42);
        LocalDate first = LocalDate.of(2012, 1, 1);
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (long id = 1; id <= rows; id++) {
                LocalDate day = first.plusDays(random.nextInt(1_000));
                int adm2 = random.nextInt(200);
                int a = random.nextInt(5);
                int b = random.nextInt(5);
                int civilians = random.nextInt(4);
                int unknown = random.nextInt(3);
                int best = a + b + civilians + unknown;
                double latitude = 33 + adm2 / 100.0;
                double longitude = 36 + adm2 / 200.0;
                out.write(String.join(",", String.valueOf(id), "GEN-" + id, String.valueOf(day.getYear()), "1", "Clear",
                        "1", "1", "1", "Generated: Government", "1", "1", "Government - Insurgents", "1", "1",
                        "Government of Generated", "2", "2", "Insurgents", "1", "\"Agency, " + day + "\"", "Agency",
                        day.toString(), "\"Clashes in district " + adm2 + ", " + best + " killed\"", "Agency", "1",
                        "District " + adm2, "in district " + adm2, "Province " + adm2 / 10, "District " + adm2,
                        String.valueOf(latitude), String.valueOf(longitude),
                        "POINT (" + longitude + " " + latitude + ")", "1", "Generated", "1", "Middle East", "1", "1",
                        day.toString(), day.toString(), String.valueOf(a), String.valueOf(b), String.valueOf(civilians),
                        String.valueOf(unknown), String.valueOf(best), String.valueOf(best + 2), String.valueOf(best),
                        "1", ""));
                out.write('\n');
            }
        }
    }
}
