package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class SearchTextTests {

    @Test
    void foldsTheVietnameseLettersWithMarksToTheirPlainLetters() {
        assertThat(SearchText.fold("ă â đ ê ô ơ ư")).isEqualTo("a a d e o o u");
        assertThat(SearchText.fold("Ă Â Đ Ê Ô Ơ Ư")).isEqualTo("a a d e o o u");
    }

    @Test
    void foldsTheFiveTonesOnEveryVowel() {
        assertThat(SearchText.fold("a à á ả ã ạ")).isEqualTo("a a a a a a");
        assertThat(SearchText.fold("ờ ớ ở ỡ ợ ừ ứ ử ữ ự ằ ắ ẳ ẵ ặ ầ ấ ẩ ẫ ậ ề ế ể ễ ệ ỳ ý ỷ ỹ ỵ"))
                .isEqualTo("o o o o o u u u u u a a a a a a a a a a e e e e e y y y y y");
    }

    @Test
    void foldsUpperCaseAndDToTheSameWordsACitizenTypesWithoutMarks() {
        assertThat(SearchText.fold("ĐĂNG KÝ KHAI SINH")).isEqualTo("dang ky khai sinh");
        assertThat(SearchText.fold("Đăng ký khai sinh")).isEqualTo("dang ky khai sinh");
        assertThat(SearchText.fold("XÂY DỰNG")).isEqualTo(SearchText.fold("xay dung"));
    }

    @Test
    void foldsCombiningMarksAsThePrecomposedLetters() {
        String combining = Normalizer.normalize("Nguyễn Thị Hường", Normalizer.Form.NFD);

        assertThat(SearchText.fold(combining)).isEqualTo("nguyen thi huong");
    }

    @Test
    void collapsesWhitespaceAndPunctuationButKeepsTheCodesDotsAndDashes() {
        assertThat(SearchText.fold("  Nhận cha,\tmẹ,  con (nếu có)…  ")).isEqualTo("nhan cha me con neu co ...");
        assertThat(SearchText.fold("1.009994.H43")).isEqualTo("1.009994.h43");
        assertThat(SearchText.fold("QĐ-UBND")).isEqualTo("qd-ubnd");
    }

    @Test
    void keepsCodeNameAndSectorTogetherAndTheNameAlone() {
        SearchText.Folded folded = SearchText.of("1.009994.H43", "Cấp giấy phép xây dựng", "Hoạt động xây dựng");

        assertThat(folded.name()).isEqualTo("cap giay phep xay dung");
        assertThat(folded.text()).isEqualTo("1.009994.h43 cap giay phep xay dung hoat dong xay dung");
    }

    @Test
    void splitsAQueryIntoItsFoldedWords() {
        assertThat(SearchText.words(" Xây   DỰNG ")).containsExactly("xay", "dung");
        assertThat(SearchText.words(" , ")).isEmpty();
    }
}
