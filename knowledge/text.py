"""Text folding shared by province resolution, search and the builder (standard library only)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

# đ/Đ are letters of their own in Unicode: NFD does not split them into d + a mark.
_D_STROKE = str.maketrans({"đ": "d", "Đ": "D"})
_NON_WORD = re.compile(r"[^0-9a-z]+")


@cache
def _marks() -> dict[int, None]:
    """Every combining character of the Basic Multilingual Plane, to delete with str.translate (built once,
    ~20 ms): a loop over the characters of every folded clause cost most of ask()'s time."""
    return {c: None for c in range(0x10000) if unicodedata.combining(chr(c))}


def strip_marks(text: str) -> str:
    """'Hà Nội, Đà Nẵng' -> 'Ha Noi, Da Nang' (case kept)."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_STROKE))
    if decomposed.isascii():
        return decomposed
    if max(decomposed) > "\uffff":  # a character beyond the table: each one asked
        return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return decomposed.translate(_marks())


def fold(text: str) -> str:
    """'TP. Hồ Chí Minh' -> 'tp ho chi minh': no marks, lower case, words split by single spaces."""
    return _NON_WORD.sub(" ", strip_marks(text).lower()).strip()


def nfc(text: str) -> str:
    """Canonical composition, so that 'Hoà' typed two ways compares equal."""
    return unicodedata.normalize("NFC", text)


def data_rows(name: str) -> list[list[str]]:
    """The rows of the tab-separated table knowledge/data/<name>; lines starting with '#' are comments."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


# Traditional Chinese characters read as their simplified forms, so that one zh pattern reads both scripts
# ('簽證過期' is '签证过期'): the characters of questions about papers, offices, fines and time.
_SIMPLIFIED = str.maketrans(
    "證簽臨時許勞動務護險記錄報請費辦續間區別與過嗎麼們機關發為單國際團體檢驗療醫罰處違規條據類種資業員營廠場歲學習語議認識讓讀線網電話說寫問題應當對幾長內後從來還進"
    "運選這個會難須顧頭領館號碼見親觀計訂評試詢該誰調論變貨質購賣買車轉較遞遠達遲遺邊銷錢門開閉陸隊隨雙離頒預額實審導將屆屬歸張強徵憑擔擇擴數斷於書東構標樣權氣決沒況"
    "準減滿無獎現環產監確稅穩簡範紀約級紙終組結給統經維總織繳義聯職聽舉舊藥補裝複製視設訴診註詐詳誤諮講譯貸貿賠跡載輔辭連週適郵釋錯閱陳隱雜順頁項驅齡滯餘執稱廳廣僑價"
    "優兒劃協參嚴圍圖夠獨專層帶幣廢復態撥擊歷濟熱獄異禮節糾納紹編縣羅衛訪詞誠談謝負責貴賬贈輸鎮鐵階雖靜顯養驚點齊萬億兩傳債傷僅償備婦寧幫庫徑戶掛採換攜暫檔殘淨爭狀畢"
    "眾築籌籤緩縮繼聞聲脫臺術裡覺討訊託飯騙齒園啟憲擁灣馬島漢韓華歐紐盤遷陽黃龍鄉轄縱趕蹤獲勵盡凍綠紅藍壞寬擬惡懲戰斬歡毀潛燈獻碩禍窮筆糧綜績罷聖腦艙蓋蘭虛襲覽觸詮諒"
    "謂譽讚豐貼賓趙軍軟輛遙鄰醜釘針鈔銀鋼鑑鑒閒閣陣隻雞響顆願風飛驟鬆魚鳥鹽麗黨鬥髮",
    "证签临时许劳动务护险记录报请费办续间区别与过吗么们机关发为单国际团体检验疗医罚处违规条据类种资业员营厂场岁学习语议认识让读线网电话说写问题应当对几长内后从来还进"
    "运选这个会难须顾头领馆号码见亲观计订评试询该谁调论变货质购卖买车转较递远达迟遗边销钱门开闭陆队随双离颁预额实审导将届属归张强征凭担择扩数断于书东构标样权气决没况"
    "准减满无奖现环产监确税稳简范纪约级纸终组结给统经维总织缴义联职听举旧药补装复制视设诉诊注诈详误咨讲译贷贸赔迹载辅辞连周适邮释错阅陈隐杂顺页项驱龄滞余执称厅广侨价"
    "优儿划协参严围图够独专层带币废复态拨击历济热狱异礼节纠纳绍编县罗卫访词诚谈谢负责贵账赠输镇铁阶虽静显养惊点齐万亿两传债伤仅偿备妇宁帮库径户挂采换携暂档残净争状毕"
    "众筑筹签缓缩继闻声脱台术里觉讨讯托饭骗齿园启宪拥湾马岛汉韩华欧纽盘迁阳黄龙乡辖纵赶踪获励尽冻绿红蓝坏宽拟恶惩战斩欢毁潜灯献硕祸穷笔粮综绩罢圣脑舱盖兰虚袭览触诠谅"
    "谓誉赞丰贴宾赵军软辆遥邻丑钉针钞银钢鉴鉴闲阁阵只鸡响颗愿风飞骤松鱼鸟盐丽党斗发",
)


def simplified(text: str) -> str:
    """'越南簽證過期會怎樣?' -> '越南签证过期会怎样?': Chinese in simplified characters; other text unchanged."""
    return text.translate(_SIMPLIFIED)


# The abbreviations Vietnamese letters and forum posts use for the Labour Code's terms ('NLĐ là người nước ngoài ký
# HĐLĐ với NSDLĐ') and the e-visa's ('TTĐT': thị thực điện tử): read as the words the law and the cues use.
_ABBREVIATIONS = (
    (re.compile(r"\b(HĐLĐ|HDLD)\b", re.IGNORECASE), "hợp đồng lao động"),
    (re.compile(r"\b(NSDLĐ|NSDLD)\b", re.IGNORECASE), "người sử dụng lao động"),
    (re.compile(r"\b(NLĐNN|NLDNN|LĐNN|LDNN)\b", re.IGNORECASE), "người lao động nước ngoài"),
    (re.compile(r"\b(NLĐ|NLD)\b", re.IGNORECASE), "người lao động"),
    (re.compile(r"\bNNN\b", re.IGNORECASE), "người nước ngoài"),
    (re.compile(r"\b(TTĐT|TTDT)\b", re.IGNORECASE), "thị thực điện tử"),
    # 'giấy không tiền án tiền sự', the common name of the criminal-record certificate (the law's 'Phiếu lý lịch
    # tư pháp', Decree 216/2026)
    (
        re.compile(
            r"\b(giấy|giay|phiếu|phieu)( (xác nhận|xac nhan|chứng nhận|chung nhan))? (không|khong) (có |co )?"
            r"(tiền án|tien an)(,? (tiền sự|tien su))?\b",
            re.IGNORECASE,
        ),
        "phiếu lý lịch tư pháp",
    ),
)


def spelled_out(text: str) -> str:
    """'NLĐ ký HĐLĐ với NSDLĐ' -> 'người lao động ký hợp đồng lao động với người sử dụng lao động'."""
    for pattern, words in _ABBREVIATIONS:
        text = pattern.sub(words, text)
    return text
