package io.strata.api.v1.mount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TestMountRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void testMountInfoJsonOmitsEmptyOptionsAndSortsThem() throws Exception {
        assertThat(JSON.writeValueAsString(new MountInfo("/data/", "s3://b/", Map.of())))
                .isEqualTo("{\"path\":\"/data/\",\"ufs\":\"s3://b/\"}");
        Map<String, String> options = new LinkedHashMap<>();
        options.put("z", "1");
        options.put("a", "******");
        assertThat(JSON.writeValueAsString(new MountList(List.of(new MountInfo("/data/", "s3://b/", options)))))
                .isEqualTo(
                        "{\"results\":[{\"path\":\"/data/\",\"ufs\":\"s3://b/\",\"options\":{\"a\":\"******\",\"z\":\"1\"}}]}");
    }

    @Test
    void testRequestsKeepMissingFieldsForTheServerToReport() throws Exception {
        MountRequest empty = JSON.readValue("{}", MountRequest.class);
        assertThat(empty.path()).isNull();
        assertThat(empty.ufs()).isNull();
        assertThat(empty.options()).isEmpty();
        MountRequest full = JSON.readValue(
                "{\"path\":\"/data\",\"ufs\":\"s3://my-bucket\",\"options\":{\"s3a.secretKey\":\"string\"}}",
                MountRequest.class);
        assertThat(full.options()).containsEntry("s3a.secretKey", "string");
        assertThat(JSON.readValue("{\"path\":\"/data\"}", UnmountRequest.class).path())
                .isEqualTo("/data");
    }

    @Test
    void testFileRecordsOmitUnknownValues() throws Exception {
        assertThat(JSON.writeValueAsString(new FileInfo("/d/x", "s3://b/x", true, 0, null, null)))
                .isEqualTo("{\"path\":\"/d/x\",\"ufs\":\"s3://b/x\",\"directory\":true,\"length\":0}");
        assertThat(JSON.writeValueAsString(new FileList("/d", List.of(), null)))
                .isEqualTo("{\"path\":\"/d\",\"results\":[]}");
        assertThat(JSON.writeValueAsString(new FileList("/d", List.of(), "m")))
                .isEqualTo("{\"path\":\"/d\",\"results\":[],\"nextMarker\":\"m\"}");
        assertThatThrownBy(() -> new FileInfo("/d", "u", false, -1, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MountInfo(null, "u", Map.of())).isInstanceOf(NullPointerException.class);
    }
}
