package dev.cairn.agent.job.child;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed access to the fields of one JSON object of the job protocol (a request, its arguments, an
 * answer line); a missing or mistyped field is a {@link JobRequestException} naming it as
 * {@code section.name}.
 */
record JsonFields(String section, Map<String, Object> map) {

  String string(String name) throws JobRequestException {
    String value = optionalString(name);
    if (value == null) {
      throw new JobRequestException(section + "." + name + " is missing");
    }
    return value;
  }

  String optionalString(String name) throws JobRequestException {
    Object value = map.get(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new JobRequestException(section + "." + name + " must be a string, not " + value);
  }

  List<String> strings(String name) throws JobRequestException {
    Object value = map.get(name);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      List<String> strings = new ArrayList<>();
      for (Object element : list) {
        if (!(element instanceof String s)) {
          throw new JobRequestException(section + "." + name + " must hold strings, not " + element);
        }
        strings.add(s);
      }
      return strings;
    }
    throw new JobRequestException(section + "." + name + " must be a list, not " + value);
  }

  double number(String name) throws JobRequestException {
    if (map.get(name) instanceof Number n) {
      return n.doubleValue();
    }
    throw new JobRequestException(section + "." + name + " must be a number, not " + map.get(name));
  }

  boolean bool(String name) throws JobRequestException {
    if (map.get(name) instanceof Boolean b) {
      return b;
    }
    throw new JobRequestException(section + "." + name + " must be true or false, not " + map.get(name));
  }

  Map<String, Object> object(String name) throws JobRequestException {
    if (map.get(name) instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) m;
      return object;
    }
    throw new JobRequestException(section + "." + name + " must be an object, not " + map.get(name));
  }
}
