package app.chorus.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Builds the one JSON mapper Chorus uses everywhere: snake_case names, as all the original clients expect. */
public final class Json {
    private Json() {
    }

    /**
     * Doubles without exponent notation: epoch-second timestamps come out as {@code 1763727000.123}
     * (as the original Python servers write them), not {@code 1.763727000123E9}.
     */
    private static SimpleModule plainDoubles() {
        JsonSerializer<Double> serializer = new JsonSerializer<>() {
            @Override
            public void serialize(Double value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                double number = value;
                if (Double.isFinite(number) && Math.abs(number) >= 1e7 && Math.abs(number) < 1e21) {
                    String plain = BigDecimal.valueOf(number).toPlainString();
                    generator.writeNumber(plain.indexOf('.') < 0 ? plain + ".0" : plain);
                } else {
                    generator.writeNumber(number);
                }
            }
        };
        SimpleModule module = new SimpleModule("plain-doubles");
        module.addSerializer(Double.class, serializer);
        module.addSerializer(double.class, serializer);
        return module;
    }

    /** A new mapper; make one in {@code Main} and share it (mappers are thread-safe once configured). */
    public static ObjectMapper newMapper() {
        // Jackson's default pool keeps buffers per thread, which does nothing for virtual threads
        // (each frame is handled on a fresh one): every read and write then allocated new 8-16 KiB
        // buffers, a third of all allocation under load. A shared pool recycles them.
        JsonFactory factory = JsonFactory.builder().recyclerPool(JsonRecyclerPools.newConcurrentDequePool()).build();
        return JsonMapper.builder(factory)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new JavaTimeModule())
                .addModule(plainDoubles())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }
}
